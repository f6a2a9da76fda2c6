// The upstream answer cache (UPSTREAM_CACHE_*): see docs/caching.md.
import type { IntegerReader } from './live-config';

type Env = Record<string, string | undefined>;

export interface UpstreamCacheConfig {
  /** UPSTREAM_CACHE_TTL_MS: runs (not terminal), processes, list pages and 404s; 0 turns every cache tier off. */
  ttlMs: number;
  /** UPSTREAM_CACHE_TERMINAL_TTL_MS: runs in a terminal status (complete, cancelled); unused when ttlMs is 0. */
  terminalTtlMs: number;
  /** UPSTREAM_CACHE_MAX_BYTES: the local tier's bound, in bytes of upstream JSON held. */
  maxBytes: number;
}

export function loadCacheConfig(env: Env, readInteger: IntegerReader): UpstreamCacheConfig {
  return {
    ttlMs: readInteger(env, 'UPSTREAM_CACHE_TTL_MS', 1_000, 0, 3_600_000),
    terminalTtlMs: readInteger(env, 'UPSTREAM_CACHE_TERMINAL_TTL_MS', 60_000, 0, 86_400_000),
    maxBytes: readInteger(env, 'UPSTREAM_CACHE_MAX_BYTES', 64 * 1024 * 1024, 1024, 16 * 1024 * 1024 * 1024),
  };
}
