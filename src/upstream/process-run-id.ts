import { UpstreamError } from '../errors/upstream-failure';
import { idProblem } from '../validation/ids';

/**
 * The one gate between an id and a URL path segment. A caller's id was refused as BAD_USER_INPUT before it got
 * here, so an id failing here came from the upstream's own data (a list item's run id, a run's process id).
 */
export function pathSegment(id: string, what: string): string {
  const problem = idProblem(id);
  if (problem)
    throw new UpstreamError({ kind: 'bad-response', reason: `a ${what} id in the upstream's data ${problem}` });
  return encodeURIComponent(id);
}

/** Exactly one path segment: `/`, `?`, `#`, `%` and everything else reserved are percent-encoded. */
export function processRunPath(id: string): string {
  return `/processRuns/${pathSegment(id, 'process run')}`;
}
