import { idProblem } from './ids';
import { inputRefusal } from './input-refusal';
import { unsafeTextProblem } from './unsafe-text';

// The rules every mutation input obeys, checked before any upstream call. Each refusal names the input path.

export const MAX_NAME_LENGTH = 256;
export const MAX_INSTRUCTIONS_LENGTH = 10_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An id: the same rule as processRun ids (1..256 characters, no control characters, well-formed Unicode). */
export function checkId(value: string, field: string): string {
  const problem = idProblem(value);
  if (problem) throw inputRefusal(field, problem);
  return value;
}

/** A name: 1..256 characters (code points), not only spaces, no control characters. */
export function checkName(value: string, field: string): string {
  const length = [...value].length;
  if (length === 0 || value.trim().length === 0) throw inputRefusal(field, 'must not be empty');
  if (length > MAX_NAME_LENGTH) throw inputRefusal(field, `must be at most ${MAX_NAME_LENGTH} characters`);
  const problem = unsafeTextProblem(value);
  if (problem) throw inputRefusal(field, problem);
  return value;
}

/** Free text (instructions): at most 10000 characters; line breaks and tabs allowed. */
export function checkText(value: string, field: string): string {
  if ([...value].length > MAX_INSTRUCTIONS_LENGTH)
    throw inputRefusal(field, `must be at most ${MAX_INSTRUCTIONS_LENGTH} characters`);
  const problem = unsafeTextProblem(value, { lineBreaksAllowed: true });
  if (problem) throw inputRefusal(field, problem);
  return value;
}

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export function checkDate(value: string, field: string): string {
  const match = DATE.exec(value);
  if (!match) throw inputRefusal(field, 'must be a date as YYYY-MM-DD');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear keeps the year as given.
  date.setUTCFullYear(year);
  const real =
    year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) throw inputRefusal(field, 'must be a real calendar date');
  return value;
}

/** A list whose length is within min..max. */
export function checkCount<T>(list: readonly T[], min: number, max: number, field: string, what: string): readonly T[] {
  if (list.length < min || list.length > max)
    throw inputRefusal(field, `must hold ${min} to ${max} ${what} (got ${list.length})`);
  return list;
}

/** Optional values: GraphQL null and absent both mean "not given". */
export function given<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
