import { gatewayError } from '../errors/gateway-error';

export const MAX_PROCESS_RUN_ID_LENGTH = 256;

// C0, DEL and C1 control characters; lone UTF-16 surrogates cannot be percent-encoded at all.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why an id can never name a process run, or null when it is acceptable. */
export function processRunIdProblem(id: string): string | null {
  if (id.length === 0) return 'must not be empty';
  if (id === '.' || id === '..') return 'must not be "." or ".."';
  if (id.length > MAX_PROCESS_RUN_ID_LENGTH) return `must be at most ${MAX_PROCESS_RUN_ID_LENGTH} characters`;
  if (CONTROL_CHARACTERS.test(id)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(id)) return 'must be well-formed Unicode';
  return null;
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
