import { gatewayError } from '../errors/gateway-error';
import { unsafeTextProblem } from './unsafe-text';

export const MAX_PROCESS_RUN_ID_LENGTH = 256;


/** Why an id can never name a process run, or null when it is acceptable. */
export function processRunIdProblem(id: string): string | null {
  if (id.length === 0) return 'must not be empty';
  if (id === '.' || id === '..') return 'must not be "." or ".."';
  if (id.length > MAX_PROCESS_RUN_ID_LENGTH) return `must be at most ${MAX_PROCESS_RUN_ID_LENGTH} characters`;
  return unsafeTextProblem(id);
}

/** Throws BAD_USER_INPUT for an id that must never reach the upstream. */
export function assertValidProcessRunId(id: string): void {
  const problem = processRunIdProblem(id);
  if (problem) throw gatewayError('BAD_USER_INPUT', `Invalid process run id: it ${problem}.`, { argumentName: 'id' });
}

/** Exactly one path segment: `/`, `?`, `#`, `%` and everything else reserved are percent-encoded. */
export function processRunPath(id: string): string {
  return `/processRuns/${encodeURIComponent(id)}`;
}
