import { gatewayError } from '../errors/gateway-error';
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

const ORDER_KEYS: Record<string, ProcessOrderKey> = { NAME: 'name', DUE_DATE: 'dueDate', RUN_CREATED: 'run.created.dateTime' };

/** GraphQL arguments → validated list arguments; BAD_USER_INPUT (before any upstream call) for anything out of range. */
export function toProcessListArguments(args: {
  first?: number | null;
  filter?: { nameContains?: string | null } | null;
  orderBy?: { field: string; direction: string } | null;
}): ProcessListArguments {
  const pageSize = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
    throw gatewayError('BAD_USER_INPUT', `first must be between ${MIN_PAGE_SIZE} and ${MAX_PAGE_SIZE}.`, { argumentName: 'first' });
  }
  const text = args.filter?.nameContains ?? null;
  if (text !== null) {
    // Counted in code points, as a person counts characters.
    if ([...text].length > MAX_NAME_FILTER_LENGTH) {
      throw gatewayError('BAD_USER_INPUT', `filter.nameContains must be at most ${MAX_NAME_FILTER_LENGTH} characters.`, { argumentName: 'filter' });
    }
    if (unsafeTextProblem(text) !== null) {
      throw gatewayError('BAD_USER_INPUT', 'filter.nameContains must not contain control characters or broken Unicode.', { argumentName: 'filter' });
    }
  }
  const field = ORDER_KEYS[args.orderBy?.field ?? 'RUN_CREATED'] ?? 'run.created.dateTime';
  const direction = args.orderBy?.direction === 'ASC' ? 'asc' : 'desc';
  return { pageSize, nameContains: text === '' ? null : text, orderBy: `${field} ${direction}` };
}

/** OData string literal: a `'` inside is written `''`, so the text can never end the literal early. */
export function nameContainsFilter(text: string): string {
  return `name contains '${text.replaceAll("'", "''")}'`;
}

/**
 * The path and query of `GET /processes`, built from the arguments and, for a later page, only the `$next`
 * token (never a URL the upstream sent). Every value is percent-encoded.
 */
export function processListPath(args: ProcessListArguments, nextToken: string | null): string {
  const params: Array<[string, string]> = [['$maxpagesize', String(args.pageSize)]];
  if (args.nameContains !== null) params.push(['$filter', nameContainsFilter(args.nameContains)]);
  params.push(['$orderBy', args.orderBy]);
  if (nextToken !== null) params.push(['$next', nextToken]);
  return `/processes?${params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}
