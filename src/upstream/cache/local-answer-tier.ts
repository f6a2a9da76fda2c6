import { LRUCache } from 'lru-cache';
import type { CachedAnswer } from './cached-answer';

export interface LocalTierObserver {
  /** An entry was pushed out by the byte bound (not expired, not invalidated). */
  evicted?(key: string): void;
}

// Keys and bookkeeping cost memory too: counted per entry on top of the body.
const ENTRY_OVERHEAD_BYTES = 256;

/** The in-process tier: least recently used out first once the bytes held pass `maxBytes`; every entry has its TTL. */
export class LocalAnswerTier {
  private readonly entries: LRUCache<string, CachedAnswer>;

  constructor(maxBytes: number, observer: LocalTierObserver = {}) {
    this.entries = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      // An answer bigger than the whole bound is not stored at all (lru-cache refuses it).
      sizeCalculation: (answer, key) => answer.bytes + key.length + ENTRY_OVERHEAD_BYTES,
      dispose: (_answer, key, reason) => {
        if (reason === 'evict') observer.evicted?.(key);
      },
    });
  }

  get(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  set(key: string, answer: CachedAnswer, ttlMs: number): void {
    this.entries.set(key, answer, { ttl: ttlMs });
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
