import { gatewayError } from '../errors/gateway-error';
import { processRunIdProblem } from './process-run-id';

/** Throws BAD_USER_INPUT for a process id that must never reach the upstream (same rules as run ids). */
export function assertValidProcessId(id: string): void {
  const problem = processRunIdProblem(id);
  if (problem) throw gatewayError('BAD_USER_INPUT', `Invalid process id: it ${problem}.`, { argumentName: 'id' });
}

/** Exactly one path segment: everything reserved is percent-encoded. */
export function processPath(id: string): string {
  return `/processes/${encodeURIComponent(id)}`;
}
