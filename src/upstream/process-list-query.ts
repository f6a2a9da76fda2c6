import type { ProcessListArguments } from '../validation/process-list-arguments';

/** OData string literal: a `'` inside is written `''`, so the text can never end the literal early. */
export function nameContainsFilter(text: string): string {
  return `name contains '${text.replaceAll("'", "''")}'`;
}

/**
 * The path and query of `GET /processes`, built from the arguments and, for a later page, only the `$next`
 * token (never a URL the upstream sent). Every value is percent-encoded, except the token: it is sent back
 * exactly as the upstream wrote it (validation/next-token.ts made it a safe query value).
 */
export function processListPath(args: ProcessListArguments, nextToken: string | null): string {
  const params: Array<[string, string]> = [['$maxpagesize', String(args.pageSize)]];
  if (args.nameContains !== null) params.push(['$filter', nameContainsFilter(args.nameContains)]);
  params.push(['$orderBy', args.orderBy]);
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  if (nextToken !== null) query.push(`$next=${nextToken}`);
  return `/processes?${query.join('&')}`;
}
