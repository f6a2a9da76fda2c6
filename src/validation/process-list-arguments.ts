import { inputRefusal } from './input-refusal';
import { unsafeTextProblem } from './unsafe-text';

/** `$maxpagesize` range the upstream documents. */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_NAME_FILTER_LENGTH = 200;

export type ProcessOrderKey = 'name' | 'dueDate' | 'run.created.dateTime';

/** The arguments of one list request, already validated: what the cursor is bound to. */
export interface ProcessListArguments {
  pageSize: number;
  /** null: no filter (an empty string filters nothing either). */
  nameContains: string | null;
  orderBy: `${ProcessOrderKey} ${'asc' | 'desc'}`;
}

const ORDER_KEYS: Record<string, ProcessOrderKey> = {
  NAME: 'name',
  DUE_DATE: 'dueDate',
  RUN_CREATED: 'run.created.dateTime',
};

/** GraphQL arguments → validated list arguments; BAD_USER_INPUT (before any upstream call) for anything out of range. */
export function toProcessListArguments(args: {
  first?: number | null;
  filter?: { nameContains?: string | null } | null;
  orderBy?: { field: string; direction: string } | null;
}): ProcessListArguments {
  const pageSize = checkPageSize(args.first);
  const text = args.filter?.nameContains ?? null;
  if (text !== null) {
    const refuse = (problem: string, message: string) =>
      inputRefusal('filter.nameContains', problem, { message, argumentName: 'filter' });
    // Counted in code points, as a person counts characters.
    if ([...text].length > MAX_NAME_FILTER_LENGTH) {
      throw refuse(
        `must be at most ${MAX_NAME_FILTER_LENGTH} characters`,
        `filter.nameContains must be at most ${MAX_NAME_FILTER_LENGTH} characters.`,
      );
    }
    const problem = unsafeTextProblem(text);
    if (problem !== null)
      throw refuse(problem, 'filter.nameContains must not contain control characters or broken Unicode.');
  }
  const field = ORDER_KEYS[args.orderBy?.field ?? 'RUN_CREATED'] ?? 'run.created.dateTime';
  const direction = args.orderBy?.direction === 'ASC' ? 'asc' : 'desc';
  return { pageSize, nameContains: text === '' ? null : text, orderBy: `${field} ${direction}` };
}

/** `processes(first:)`: absent means the default; outside 1..1000 is BAD_USER_INPUT naming the range. */
export function checkPageSize(first: number | null | undefined): number {
  const pageSize = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
    const problem = `must be between ${MIN_PAGE_SIZE} and ${MAX_PAGE_SIZE} (got ${pageSize})`;
    throw inputRefusal('first', problem, { message: `first ${problem}.`, argumentName: 'first' });
  }
  return pageSize;
}
