// The upstream answer cache (UPSTREAM_CACHE_*): see docs/caching.md.
import { readBoolean, readInteger, type Env } from './env-readers';

export interface UpstreamCacheConfig {
  /** UPSTREAM_CACHE_TTL_MS: runs (not terminal), processes, list pages and 404s; 0 turns every cache tier off. */
  ttlMs: number;
  /** UPSTREAM_CACHE_TERMINAL_TTL_MS: runs in a terminal status (complete, cancelled); unused when ttlMs is 0. */
  terminalTtlMs: number;
  /** UPSTREAM_CACHE_MAX_BYTES: the local tier's bound, in bytes of upstream JSON held. */
  maxBytes: number;
  /** UPSTREAM_COALESCING: identical GETs in flight are sent once (on by default; off to measure or debug). */
  coalesce: boolean;
}

export function loadCacheConfig(env: Env): UpstreamCacheConfig {
  return {
    ttlMs: readInteger(env, 'UPSTREAM_CACHE_TTL_MS', { min: 0, max: 3_600_000, default: 1_000 }),
    terminalTtlMs: readInteger(env, 'UPSTREAM_CACHE_TERMINAL_TTL_MS', { min: 0, max: 86_400_000, default: 60_000 }),
    maxBytes: readInteger(env, 'UPSTREAM_CACHE_MAX_BYTES', {
      min: 1024,
      max: 16 * 1024 * 1024 * 1024,
      default: 64 * 1024 * 1024,
    }),
    coalesce: readBoolean(env, 'UPSTREAM_COALESCING', { default: true }),
  };
}
