import { claimResultOf, type ClaimResult, type IdempotencyStore, type SlotRecord, type StoredAnswer } from './idempotency-store';

/**
 * The store without REDIS_URL: this process only, at most `maxEntries` slots. Over the bound the oldest slot (by
 * claim time) is evicted first, finished or not: a key evicted early is then new to this gateway.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly slots = new Map<string, { record: SlotRecord; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.slots.size;
  }

  async claim(slot: string, fingerprint: string, ttlMs: number): Promise<ClaimResult> {
    const now = this.now();
    this.dropExpiredOldest(now);
    const held = this.slots.get(slot);
    if (held && held.expiresAt > now) return claimResultOf(held.record);
    this.slots.delete(slot);
    this.slots.set(slot, { record: { state: 'in-flight', fingerprint }, expiresAt: now + ttlMs });
    while (this.slots.size > this.maxEntries) this.slots.delete(this.slots.keys().next().value!);
    return { kind: 'claimed' };
  }

  async finish(slot: string, fingerprint: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    // Evicted while running: the answer is not kept (the key is new again, as documented).
    if (!this.slots.has(slot)) return;
    this.slots.set(slot, { record: { state: 'finished', fingerprint, answer }, expiresAt: this.now() + ttlMs });
  }

  async release(slot: string, fingerprint: string): Promise<void> {
    const held = this.slots.get(slot);
    if (held?.record.state === 'in-flight' && held.record.fingerprint === fingerprint) this.slots.delete(slot);
  }

  // Slots are kept in claim order and share one TTL, so the expired ones are at the front.
  private dropExpiredOldest(now: number): void {
    for (const [slot, held] of this.slots) {
      if (held.expiresAt > now) return;
      this.slots.delete(slot);
    }
  }
}
