import {
  claimResultOf,
  type ClaimResult,
  type IdempotencyStore,
  type SlotRecord,
  type StoredAnswer,
} from './idempotency-store';

interface HeldSlot {
  record: SlotRecord;
  expiresAt: number;
  /** Bytes of the kept answer's body (0 while in flight). */
  bytes: number;
}

/**
 * The store without REDIS_URL: this process only, at most `maxEntries` slots and `maxBytes` of kept answers. Over
 * either bound the oldest slot (by claim time) is evicted first, finished or not: a key evicted early is then new.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly slots = new Map<string, HeldSlot>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.slots.size;
  }

  /** Bytes of the kept answers' bodies. */
  get answerBytes(): number {
    return this.bytes;
  }

  async claim(slot: string, fingerprint: string, ttlMs: number): Promise<ClaimResult> {
    const now = this.now();
    this.dropExpiredOldest(now);
    const held = this.slots.get(slot);
    if (held && held.expiresAt > now) return claimResultOf(held.record);
    this.remove(slot);
    this.slots.set(slot, { record: { state: 'in-flight', fingerprint }, expiresAt: now + ttlMs, bytes: 0 });
    this.evictOldestWhile(() => this.slots.size > this.maxEntries, slot);
    return { kind: 'claimed' };
  }

  async finish(slot: string, fingerprint: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    const held = this.slots.get(slot);
    // Evicted while running: the answer is not kept (the key is new again, as documented).
    if (!held) return;
    const bytes = Buffer.byteLength(answer.body);
    this.bytes += bytes - held.bytes;
    this.slots.set(slot, { record: { state: 'finished', fingerprint, answer }, expiresAt: this.now() + ttlMs, bytes });
    this.evictOldestWhile(() => this.bytes > this.maxBytes, slot);
  }

  async release(slot: string, fingerprint: string): Promise<void> {
    const held = this.slots.get(slot);
    if (held?.record.state === 'in-flight' && held.record.fingerprint === fingerprint) this.remove(slot);
  }

  // Map order is claim order; the slot just written is kept even when it alone is over a bound.
  private evictOldestWhile(over: () => boolean, keep: string): void {
    for (const slot of this.slots.keys()) {
      if (!over()) return;
      if (slot !== keep) this.remove(slot);
    }
  }

  // Slots share one TTL and are kept in claim order, so the expired ones are at the front.
  private dropExpiredOldest(now: number): void {
    for (const [slot, held] of this.slots) {
      if (held.expiresAt > now) return;
      this.remove(slot);
    }
  }

  private remove(slot: string): void {
    const held = this.slots.get(slot);
    if (!held) return;
    this.bytes -= held.bytes;
    this.slots.delete(slot);
  }
}
