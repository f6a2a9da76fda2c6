import type { GatewayErrorCode } from '../errors/error-codes';
import { mapUpstreamFailure } from '../errors/map-upstream-failure';
import { UpstreamError } from '../errors/upstream-failure';
import type { UpstreamRead } from '../upstream/processes-client';
import { nextTokenOf } from '../upstream/process-shape';
import { UPSTREAM_GUESSES } from '../upstream/upstream-guesses';
import { embeddedRunOf as gatewayEmbeddedRunOf } from '../resolvers/helpers/process-current-run';
import type { UpstreamProcess } from '../upstream/process-types';
import type { ReadOnlyUpstream } from './read-only-upstream';

/** What sits under the guessed run keys, read by the gateway's own function. */
export const embeddedRunOf = (process: Record<string, unknown>): unknown =>
  gatewayEmbeddedRunOf(process as UpstreamProcess);

/** What the walk saw: raw bodies only; judging them is guess-checks.ts's and shape-census.ts's job. */
export interface Observations {
  /** Items of the list pages, as sent. */
  listItems: unknown[];
  /** Keys of the list pages' top-level objects. */
  pageBodies: Record<string, unknown>[];
  nextLink: { state: 'absent' | 'followed' | 'not-followed' } | { state: 'failed'; reason: string; params: string[] };
  /** The process fetched alone and what its list item carried. */
  probedProcess: {
    listed: Record<string, unknown>;
    fetched: Array<{ excludeGeneratedJobs: boolean; body: unknown }>;
  } | null;
  /** Where the probed run's id came from. */
  runSource: 'list-run-key' | 'unknown-key' | 'process' | null;
  runs: Array<{ excludeGeneratedJobs: boolean; body: unknown }>;
  /** Requests answered with an error other than a refused credential, by endpoint and code. */
  errors: Array<{ endpoint: UpstreamRead['endpoint']; code: GatewayErrorCode | string; status: number | null }>;
}

/** The walk cannot go on: the upstream is out of reach or refuses the credential (exit 1). */
export class ProbeStop extends Error {}

export interface WalkOptions {
  /** Requests one read may cost (a refused gateway token is fetched once more and the read sent again). */
  costPerRead: number;
  maxRequests: number;
  /** Waits between reads so the probe stays within the gateway's own upstream rate budget. */
  paceMs: number;
}

const PAGE_SIZE = 5;

export async function walkUpstream(
  upstream: ReadOnlyUpstream,
  options: WalkOptions,
): Promise<Observations & { reads: number }> {
  const seen: Observations = {
    listItems: [],
    pageBodies: [],
    nextLink: { state: 'absent' },
    probedProcess: null,
    runSource: null,
    runs: [],
    errors: [],
  };
  let reads = 0;
  const read = async (request: UpstreamRead): Promise<unknown> => {
    if ((reads + 1) * options.costPerRead > options.maxRequests) return undefined;
    if (reads > 0 && options.paceMs > 0) await new Promise((resolve) => setTimeout(resolve, options.paceMs));
    reads += 1;
    try {
      return await upstream.read(request);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const code = String(mapUpstreamFailure(error.failure).extensions.code);
      const status = error.failure.kind === 'http' ? error.failure.status : null;
      const refused = status === 401 || status === 403;
      if (refused || ['unreachable', 'timeout', 'missing-credentials'].includes(error.failure.kind)) {
        throw new ProbeStop(
          refused
            ? `the upstream refused the credential: ${status} ${code}`
            : `the upstream cannot be reached: ${code}`,
        );
      }
      seen.errors.push({ endpoint: request.endpoint, code, status });
      return undefined;
    }
  };

  const args = { pageSize: PAGE_SIZE, nameContains: null, orderBy: 'run.created.dateTime desc' } as const;
  const first = await read({ endpoint: 'listProcesses', args, nextToken: null });
  if (first === undefined && seen.errors.length > 0)
    throw new ProbeStop(`the upstream cannot list processes: ${seen.errors[0]!.code}`);
  const token = addPage(seen, first);
  if (token !== null) {
    const second = await read({ endpoint: 'listProcesses', args, nextToken: token });
    if (second === undefined) seen.nextLink = { state: 'not-followed' };
    else {
      seen.nextLink = { state: 'followed' };
      addPage(seen, second);
    }
  }

  const listed = pickProcess(seen.listItems);
  if (listed) {
    seen.probedProcess = { listed, fetched: [] };
    for (const excludeGeneratedJobs of [false, true]) {
      const body = await read({ endpoint: 'getProcess', id: listed.id as string, excludeGeneratedJobs });
      if (body !== undefined) seen.probedProcess.fetched.push({ excludeGeneratedJobs, body });
    }
  }
  const run = runIdToProbe(seen);
  if (run) {
    seen.runSource = run.source;
    for (const excludeGeneratedJobs of [false, true]) {
      const body = await read({ endpoint: 'getProcessRun', id: run.id, excludeGeneratedJobs });
      if (body !== undefined) seen.runs.push({ excludeGeneratedJobs, body });
    }
  }
  return { ...seen, reads };
}

/** Records a page; returns the next page's token when the guessed link form holds. */
function addPage(seen: Observations, body: unknown): string | null {
  if (!isObject(body)) return null;
  seen.pageBodies.push(body);
  if (Array.isArray(body.data)) seen.listItems.push(...body.data);
  const link = body['@nextLink'];
  try {
    const token = nextTokenOf(link);
    if (token !== null && seen.nextLink.state === 'absent') seen.nextLink = { state: 'not-followed' };
    return token;
  } catch (error) {
    seen.nextLink = { state: 'failed', reason: (error as Error).message, params: queryParamsOf(link) };
    return null;
  }
}

/** The names (never the values) of a link's query parameters. */
function queryParamsOf(link: unknown): string[] {
  if (typeof link !== 'string') return [];
  try {
    return [...new Set(new URL(link, 'http://next-link.invalid').searchParams.keys())];
  } catch {
    return [];
  }
}

/** A listed process with an id, preferring one that carries a run (under the guessed key or any run-like key). */
function pickProcess(items: unknown[]): Record<string, unknown> | null {
  const usable = items.filter(
    (item): item is Record<string, unknown> => isObject(item) && typeof item.id === 'string' && item.id !== '',
  );
  return usable.find((item) => embeddedRunOf(item) !== null || runLikeKeysOf(item).length > 0) ?? usable[0] ?? null;
}

function runIdToProbe(seen: Observations): { id: string; source: NonNullable<Observations['runSource']> } | null {
  for (const item of seen.listItems) {
    if (!isObject(item)) continue;
    const id = idOf(embeddedRunOf(item));
    if (id) return { id, source: 'list-run-key' };
  }
  for (const item of seen.listItems) {
    if (!isObject(item)) continue;
    for (const key of runLikeKeysOf(item)) {
      const id = idOf(item[key]);
      if (id) return { id, source: 'unknown-key' };
    }
  }
  for (const { body } of seen.probedProcess?.fetched ?? []) {
    const id = isObject(body) ? idOf(embeddedRunOf(body)) : null;
    if (id) return { id, source: 'process' };
  }
  return null;
}

const KNOWN_PROCESS_KEYS_WITH_OBJECTS = new Set(['created', 'modified', 'root', ...UPSTREAM_GUESSES.listRunKey.keys]);

/** Keys other than the guessed ones whose object looks like a run (an id and a status): the run under another key. */
export function runLikeKeysOf(process: Record<string, unknown>): string[] {
  return Object.keys(process).filter((key) => {
    if (KNOWN_PROCESS_KEYS_WITH_OBJECTS.has(key)) return false;
    const value = process[key];
    return isObject(value) && typeof value.id === 'string' && typeof value.status === 'string';
  });
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  return isObject(value) && typeof value.id === 'string' && value.id !== '' ? value.id : null;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
