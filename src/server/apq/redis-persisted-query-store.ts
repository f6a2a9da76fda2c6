import type { Redis } from 'ioredis';
import type { PersistedQueryStore } from './persisted-query-store';

/** With REDIS_URL: shared by replicas, one key per hash under the client's REDIS_KEY_PREFIX, each with a TTL. */
export class RedisPersistedQueryStore implements PersistedQueryStore {
  constructor(
    private readonly client: Redis,
    private readonly ttlMs: number,
  ) {}

  get(hash: string): Promise<string | null> {
    return this.client.get(keyOf(hash));
  }

  async set(hash: string, query: string): Promise<void> {
    await this.client.set(keyOf(hash), query, 'PX', this.ttlMs);
  }
}

function keyOf(hash: string): string {
  return `apq:${hash}`;
}
