import { inputRefusal } from './input-refusal';
import { unsafeTextProblem } from './unsafe-text';

export const MAX_ID_LENGTH = 256;

/**
 * Why a string can never be an id of the Processes API, or null. The same rule for ids a caller sends and ids the
 * upstream's own data carries (a list item's run id, a run's process id): `.` and `..` would climb the URL path.
 */
export function idProblem(id: string): string | null {
  if (id.length === 0) return 'must not be empty';
  if (id === '.' || id === '..') return 'must not be "." or ".."';
  if (id.length > MAX_ID_LENGTH) return `must be at most ${MAX_ID_LENGTH} characters`;
  return unsafeTextProblem(id);
}

/** A query argument id (`processRun(id:)`, `process(id:)`, a federation representation): BAD_USER_INPUT naming it. */
export function checkArgumentId(id: string, what: 'process run' | 'process', argumentName = 'id'): string {
  const problem = idProblem(id);
  if (problem)
    throw inputRefusal(argumentName, problem, { message: `Invalid ${what} id: it ${problem}.`, argumentName });
  return id;
}
