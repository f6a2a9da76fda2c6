// GET /processes for the demo upstream: `$filter` (only `name contains '<text>'`), `$orderBy`, `$maxpagesize`
// and `$next`, answered like the documented API ({ data, "@nextLink" }, 400 with an Error body otherwise).
import type { UpstreamProcess } from '../upstream/process-types';

export type DemoAnswer = { status: number; body: unknown };

const DEFAULT_PAGE_SIZE = 100;
const FILTER = /^name contains '((?:[^']|'')*)'$/;
const ORDER = /^(name|dueDate|run\.created\.dateTime) (asc|desc)$/;

function invalid(target: string, message: string): DemoAnswer {
  return { status: 400, body: { code: 'invalidRequest', message, target } };
}

function sortKey(process: UpstreamProcess, field: string): string | null {
  if (field === 'name') return process.name;
  if (field === 'dueDate') return typeof process.dueDate === 'string' ? process.dueDate : null;
  const run = process.run;
  return typeof run === 'object' && run !== null && typeof run.created?.dateTime === 'string'
    ? run.created.dateTime
    : null;
}

/** A page of `processes` for this query string; `selfUrl` is where the `@nextLink` points (as the real API does). */
export function listDemoProcesses(
  processes: readonly UpstreamProcess[],
  query: URLSearchParams,
  selfUrl: string,
): DemoAnswer {
  const size = Number(query.get('$maxpagesize') ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    return invalid('$maxpagesize', '$maxpagesize must be between 1 and 1000.');
  const filter = query.get('$filter');
  const match = filter === null ? null : FILTER.exec(filter);
  if (filter !== null && !match) return invalid('$filter', "Only name contains '<text>' is supported.");
  const order = ORDER.exec(query.get('$orderBy') ?? 'run.created.dateTime desc');
  if (!order) return invalid('$orderBy', '$orderBy must be name, dueDate or run.created.dateTime with asc or desc.');
  const [, field, direction] = order as unknown as [string, string, string];
  // The token is bound to the query it was issued for, like an upstream cursor would be.
  const binding = `${filter ?? ''}|${field} ${direction}|${size}`;
  let offset = 0;
  const next = query.get('$next');
  if (next !== null) {
    const decoded = decodeToken(next);
    if (!decoded || decoded.binding !== binding) return invalid('$next', 'The $next token is invalid or has expired.');
    offset = decoded.offset;
  }
  const text = match ? match[1]!.replaceAll("''", "'").toLowerCase() : null;
  const sign = direction === 'asc' ? 1 : -1;
  const selected = processes
    .filter((process) => text === null || process.name.toLowerCase().includes(text))
    .map((process) => ({ process, key: sortKey(process, field) }))
    // Missing keys (never started, no due date) sort last in both directions; ties keep id order.
    .sort((a, b) => {
      if (a.key === b.key) return a.process.id < b.process.id ? -1 : 1;
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return a.key < b.key ? -sign : sign;
    })
    .map(({ process }) => process);
  const body: Record<string, unknown> = { data: selected.slice(offset, offset + size) };
  if (offset + size < selected.length) {
    const params = new URLSearchParams(query);
    params.set('$next', encodeToken({ offset: offset + size, binding }));
    body['@nextLink'] = `${selfUrl}?${params.toString()}`;
  }
  return { status: 200, body };
}

function encodeToken(token: { offset: number; binding: string }): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

function decodeToken(text: string): { offset: number; binding: string } | null {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as {
      offset?: unknown;
      binding?: unknown;
    };
    return typeof token.offset === 'number' && typeof token.binding === 'string'
      ? { offset: token.offset, binding: token.binding }
      : null;
  } catch {
    return null;
  }
}
