import type { UpstreamEndpoint } from '../upstream-events';

export interface CacheTtls {
  ttlMs: number;
  terminalTtlMs: number;
}

/** The GETs whose answers may be cached and coalesced. */
export type CachedEndpoint = Extract<UpstreamEndpoint, 'getProcessRun' | 'getProcess' | 'listProcesses'>;

// Compared on letters only, like the live loops do: the upstream spells 'complete', 'Cancelled', 'canceled'.
const TERMINAL_STATUSES = new Set(['complete', 'cancelled', 'canceled']);

function isTerminalRun(body: unknown): boolean {
  const status = (body as { status?: unknown } | null)?.status;
  return typeof status === 'string' && TERMINAL_STATUSES.has(status.replace(/[^a-z]/gi, '').toLowerCase());
}

/** How long a 2xx answer of `endpoint` may be served again; 0: not cached. A terminal run no longer changes. */
export function ttlForAnswer(endpoint: CachedEndpoint, body: unknown, { ttlMs, terminalTtlMs }: CacheTtls): number {
  if (ttlMs === 0) return 0;
  if (endpoint === 'getProcessRun' && isTerminalRun(body)) return terminalTtlMs;
  return ttlMs;
}

/** Errors are never cached except a 404, for the plain TTL: an id that does not exist yet may be created. */
export function ttlForFailure(status: number | null, { ttlMs }: CacheTtls): number {
  return status === 404 ? ttlMs : 0;
}
