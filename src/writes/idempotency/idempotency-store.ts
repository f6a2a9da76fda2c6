/** A finished answer, kept to be served again byte for byte. It never holds the caller's token. */
export interface StoredAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** What a claim found: the slot is now this request's, or another request holds it (running, or finished). */
export type ClaimResult =
  | { kind: 'claimed' }
  | { kind: 'in-flight'; fingerprint: string }
  | { kind: 'finished'; fingerprint: string; answer: StoredAnswer };

/**
 * Where idempotency keys live, per slot (caller identity + key). `claim` is atomic across every replica that shares
 * the store. Any method may throw when the store cannot answer: the request is then refused, never run unguarded.
 */
export interface IdempotencyStore {
  claim(slot: string, fingerprint: string, ttlMs: number): Promise<ClaimResult>;
  /** The claimed request finished after an upstream call: keep its answer for `ttlMs`. */
  finish(slot: string, fingerprint: string, answer: StoredAnswer, ttlMs: number): Promise<void>;
  /** The claimed request was refused before any upstream call: the key is free again. */
  release(slot: string, fingerprint: string): Promise<void>;
}

/** The stored form of a slot (JSON in Redis, as is in memory). */
export type SlotRecord =
  { state: 'in-flight'; fingerprint: string } | { state: 'finished'; fingerprint: string; answer: StoredAnswer };

export function claimResultOf(record: SlotRecord): ClaimResult {
  return record.state === 'finished'
    ? { kind: 'finished', fingerprint: record.fingerprint, answer: record.answer }
    : { kind: 'in-flight', fingerprint: record.fingerprint };
}
