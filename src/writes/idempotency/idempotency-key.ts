/** The request header (IETF draft "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on an answer served from the store instead of executed again. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

// 1 to 255 visible ASCII characters: no spaces, no control characters, nothing a log line or a Redis key must escape.
const WELL_FORMED_KEY = /^[\x21-\x7e]{1,255}$/;

/** The key when well-formed, else null (the caller is answered BAD_REQUEST). */
export function parseIdempotencyKey(header: string): string | null {
  return WELL_FORMED_KEY.test(header) ? header : null;
}
