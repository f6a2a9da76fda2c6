import type { Redis } from 'ioredis';
import {
  claimResultOf,
  type ClaimResult,
  type IdempotencyStore,
  type SlotRecord,
  type StoredAnswer,
} from './idempotency-store';

// Deletes the slot only while it still holds this request's claim (a finished answer is never dropped).
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * The store shared by replicas (REDIS_URL): one string key per slot under the client's REDIS_KEY_PREFIX, the claim
 * an atomic SET NX PX, the answer a SET PX over it. Every command fails fast when Redis is down (no offline queue).
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(private readonly client: Redis) {}

  async claim(slot: string, fingerprint: string, ttlMs: number): Promise<ClaimResult> {
    const key = keyOf(slot);
    // Twice at most: the holder's slot may expire between the SET NX and the GET.
    for (let attempt = 0; attempt < 2; attempt++) {
      if ((await this.client.set(key, inFlight(fingerprint), 'PX', ttlMs, 'NX')) === 'OK') return { kind: 'claimed' };
      const held = await this.client.get(key);
      if (held !== null) return claimResultOf(JSON.parse(held) as SlotRecord);
    }
    throw new Error('idempotency slot changed twice during one claim');
  }

  async finish(slot: string, fingerprint: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    const record: SlotRecord = { state: 'finished', fingerprint, answer };
    await this.client.set(keyOf(slot), JSON.stringify(record), 'PX', ttlMs);
  }

  async release(slot: string, fingerprint: string): Promise<void> {
    await this.client.eval(RELEASE_SCRIPT, 1, keyOf(slot), inFlight(fingerprint));
  }
}

function keyOf(slot: string): string {
  return `idempotency:${slot}`;
}

function inFlight(fingerprint: string): string {
  const record: SlotRecord = { state: 'in-flight', fingerprint };
  return JSON.stringify(record);
}
