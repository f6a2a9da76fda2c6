import { LRUCache } from 'lru-cache';
import type { CachedAnswer } from './cached-answer';

export interface LocalTierObserver {
  /** An entry was pushed out by the byte bound (not expired, not invalidated). */
  evicted?(key: string): void;
}

// Keys and bookkeeping cost memory too: counted per entry on top of the body.
const ENTRY_OVERHEAD_BYTES = 256;

const sizeOf = (answer: CachedAnswer, key: string): number => answer.bytes + key.length + ENTRY_OVERHEAD_BYTES;

/** The endpoint label of a key's path (metrics only). */
function endpointOf(key: string): 'getProcessRun' | 'getProcess' | 'listProcesses' {
  const path = key.slice(key.indexOf(' GET ') + 5);
  if (path.startsWith('/processRuns/')) return 'getProcessRun';
  return path.startsWith('/processes?') ? 'listProcesses' : 'getProcess';
}

/** The in-process tier: least recently used out first once the bytes held pass `maxBytes`; every entry has its TTL. */
export class LocalAnswerTier {
  private readonly entries: LRUCache<string, CachedAnswer>;
  /** Bytes held per endpoint, kept in step with lru-cache's own total (added on store, taken off on dispose). */
  readonly bytesByEndpoint = new Map<string, number>();

  constructor(maxBytes: number, observer: LocalTierObserver = {}) {
    this.entries = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      // An answer bigger than the whole bound is not stored at all (lru-cache refuses it).
      sizeCalculation: (answer, key) => sizeOf(answer, key),
      dispose: (answer, key, reason) => {
        this.count(key, -sizeOf(answer, key));
        if (reason === 'evict') observer.evicted?.(key);
      },
    });
  }

  private count(key: string, bytes: number): void {
    const endpoint = endpointOf(key);
    this.bytesByEndpoint.set(endpoint, (this.bytesByEndpoint.get(endpoint) ?? 0) + bytes);
  }

  get(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  /** The entry while fresh, without making it recently used. */
  peek(key: string): CachedAnswer | undefined {
    return this.entries.peek(key);
  }

  set(key: string, answer: CachedAnswer, ttlMs: number): void {
    this.entries.set(key, answer, { ttl: ttlMs });
    // lru-cache refuses (and does not dispose) an entry larger than the whole bound.
    if (this.entries.peek(key, { allowStale: true }) === answer) this.count(key, sizeOf(answer, key));
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Deletes every key `matches` accepts (invalidation of one credential's list pages or processes). */
  deleteWhere(matches: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (matches(key)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }

  get size(): number {
    return this.entries.size;
  }
}
