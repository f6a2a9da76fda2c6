import { Counter, Gauge, type Registry } from 'prom-client';
import type { CacheEvents } from '../upstream/cache/upstream-cache';

/** The upstream answer cache on the app's registry (GET /metrics); see docs/caching.md. */
export function registerCacheMetrics(registry: Registry): {
  events: CacheEvents;
  measureBytes(local: () => ReadonlyMap<string, number>): void;
} {
  const lookups = new Counter({
    name: 'gateway_upstream_cache_lookups_total',
    help: 'Upstream answer cache lookups, by tier (local, redis), endpoint and result (hit, miss)',
    labelNames: ['tier', 'endpoint', 'result'],
    registers: [registry],
  });
  const coalesced = new Counter({
    name: 'gateway_upstream_cache_coalesced_total',
    help: 'Upstream GETs not sent because an identical one (same credential and URL) was in flight, by endpoint',
    labelNames: ['endpoint'],
    registers: [registry],
  });
  const evictions = new Counter({
    name: 'gateway_upstream_cache_evictions_total',
    help: 'Cached answers pushed out by the byte bound (UPSTREAM_CACHE_MAX_BYTES) before they expired, by tier',
    labelNames: ['tier'],
    registers: [registry],
  });
  let localBytes: () => ReadonlyMap<string, number> = () => new Map();
  new Gauge({
    name: 'gateway_upstream_cache_bytes',
    help: 'Bytes of upstream JSON (plus per-entry overhead) the cache holds, by tier and endpoint (the Redis tier is not measured)',
    labelNames: ['tier', 'endpoint'],
    registers: [registry],
    collect() {
      for (const [endpoint, bytes] of localBytes()) this.set({ tier: 'local', endpoint }, bytes);
    },
  });
  return {
    events: {
      lookup: (tier, endpoint, hit) => lookups.inc({ tier, endpoint, result: hit ? 'hit' : 'miss' }),
      coalesced: (endpoint) => coalesced.inc({ endpoint }),
      evicted: (tier) => evictions.inc({ tier }),
    },
    measureBytes: (local) => {
      localBytes = local;
    },
  };
}
