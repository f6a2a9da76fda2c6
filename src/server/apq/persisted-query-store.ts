// Automatic persisted queries (APQ): hash → query text, registered by clients at run time (docs/frontends.md).

export interface PersistedQueryStore {
  get(hash: string): Promise<string | null>;
  set(hash: string, query: string): Promise<void>;
}

/**
 * Without REDIS_URL: this process only, at most `maxEntries` queries and `maxBytes` of query text, the least
 * recently used evicted first (the query just stored stays, even alone over the bound).
 */
export class MemoryPersistedQueryStore implements PersistedQueryStore {
  private readonly queries = new Map<string, string>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.queries.size;
  }

  /** Bytes of the kept query texts (UTF-8). */
  get queryBytes(): number {
    return this.bytes;
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
    this.remove(hash);
    this.queries.set(hash, query);
    this.bytes += Buffer.byteLength(query);
    for (const oldest of this.queries.keys()) {
      if (this.queries.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
      if (oldest !== hash) this.remove(oldest);
    }
  }

  private remove(hash: string): void {
    const query = this.queries.get(hash);
    if (query === undefined) return;
    this.bytes -= Buffer.byteLength(query);
    this.queries.delete(hash);
  }
}
