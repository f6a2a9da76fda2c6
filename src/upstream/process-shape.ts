import type { UpstreamProcess, UpstreamProcessPage } from './process-types';
import { UpstreamError } from '../errors/upstream-failure';
import { nextTokenOfLink } from '../validation/next-token';
import { UPSTREAM_GUESSES } from './upstream-guesses';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badResponse(reason: string): UpstreamError {
  return new UpstreamError({ kind: 'bad-response', reason, status: 200 });
}

/** Why a parsed value is not a Process, or null. Only what the schema cannot do without is required. */
export function processShapeProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not a JSON object';
  if (typeof value.id !== 'string' || value.id.length === 0) return 'field "id" is missing or not a string';
  if (typeof value.name !== 'string') return 'field "name" is missing or not a string';
  if (value.root !== undefined && value.root !== null && !isObject(value.root)) return 'field "root" is not an object';
  return null;
}

/**
 * Upstream Process JSON → the Process mapper shape, or UPSTREAM_BAD_RESPONSE. Shared by every endpoint that
 * answers with a Process (GET /processes/{id}, list items, and the writes that echo the process).
 */
export function toUpstreamProcess(body: unknown, where = 'the body'): UpstreamProcess {
  const problem = processShapeProblem(body);
  if (problem) throw badResponse(`${where} is not a process (${problem})`);
  return body as UpstreamProcess;
}

/**
 * `{ data: [...], "@nextLink": "<url>" }` → items and the `$next` token. Only the token is kept: the link itself
 * is upstream data and is never fetched as given. A link without a `$next` value cannot be followed: bad response.
 */
export function toUpstreamProcessPage(body: unknown): UpstreamProcessPage {
  if (!isObject(body)) throw badResponse('the process list is not a JSON object');
  const data = body.data ?? [];
  if (!Array.isArray(data)) throw badResponse('the process list has no "data" array');
  const items = data.map((item, index) => toUpstreamProcess(item, `process list item ${index}`));
  return { items, nextToken: nextTokenOf(body['@nextLink']) };
}

/** The `$next` value of an `@nextLink`, as written (absent or null: no more pages). */
export function nextTokenOf(link: unknown): string | null {
  if (link === undefined || link === null) return null;
  if (typeof link !== 'string') throw badResponse('"@nextLink" is not a string');
  const next = nextTokenOfLink(link, UPSTREAM_GUESSES.nextLinkToken.param);
  if ('problem' in next) throw badResponse(next.problem);
  return next.token;
}
