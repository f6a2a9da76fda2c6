import { pathSegment } from './process-run-id';

/** Exactly one path segment: everything reserved is percent-encoded; `.` and `..` never get this far. */
export function processPath(id: string): string {
  return `/processes/${pathSegment(id, 'process')}`;
}
