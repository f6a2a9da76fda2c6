// Automatic persisted queries (APQ): hash → query text, registered by clients at run time (docs/frontends.md).

export interface PersistedQueryStore {
  get(hash: string): Promise<string | null>;
  set(hash: string, query: string): Promise<void>;
}

/** Without REDIS_URL: this process only, at most `maxEntries` queries, the least recently used evicted first. */
export class MemoryPersistedQueryStore implements PersistedQueryStore {
  private readonly queries = new Map<string, string>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.queries.size;
  }

  async get(hash: string): Promise<string | null> {
    const query = this.queries.get(hash);
    if (query === undefined) return null;
    // Map order is recency: re-inserted at the end.
    this.queries.delete(hash);
    this.queries.set(hash, query);
    return query;
  }

  async set(hash: string, query: string): Promise<void> {
    this.queries.delete(hash);
    this.queries.set(hash, query);
    for (const oldest of this.queries.keys()) {
      if (this.queries.size <= this.maxEntries) return;
      this.queries.delete(oldest);
    }
  }
}
