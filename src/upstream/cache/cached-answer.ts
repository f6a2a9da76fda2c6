import type { UpstreamFailure } from '../../errors/upstream-failure';

/** Where a served answer came from: the upstream itself (fresh or a coalesced wait), or a cache tier. */
export type CacheTier = 'upstream' | 'local' | 'redis' | 'live';

/** One upstream GET answer as the cache holds it: a 2xx body, or the failure of a 404. */
export interface CachedAnswer {
  status: number;
  /** The parsed JSON, one object shared by every hit (nothing below the resolvers mutates upstream shapes). */
  body: unknown;
  /** Set for a cached 404: the failure every hit throws again. */
  failure?: UpstreamFailure;
  /** Wall-clock ms when the upstream answered (replicas compare it, hence not performance.now()). */
  storedAt: number;
  /** Wall-clock ms when the request behind it went out; unknown for answers read back from Redis. */
  requestedAt?: number;
  /** Bytes of upstream JSON behind it: what the byte bound counts. */
  bytes: number;
  /** 'live': written by a live poll loop (src/live), which the cache info reports as such. */
  source: 'upstream' | 'live';
}

/** What the caller of a cached read learns besides the answer (for `extensions.cache`). */
export interface CacheNotice {
  tier: CacheTier;
  ageMs: number;
  /** Wall-clock ms when the upstream request behind the answer went out (a joined call may have started earlier). */
  requestedAt: number;
}
