// Retry-After is delta-seconds or an HTTP-date (RFC 9110 §10.2.3); the answer is whole seconds, never milliseconds.
export function parseRetryAfterHeader(value: string | string[] | undefined, now: number = Date.now()): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return null;
  const trimmed = raw.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

// The upstream's 429 body says e.g. "Rate limit of 1000 per 60 seconds exceeded. Retry request in 10 seconds." when
// it sends no header. Only a number right after "retry/try again … in/after" is a wait; the limit's own numbers
// ("1000 per 60 seconds") never are.
const RETRY_HINT =
  /\b(?:retry|try\s+again)(?:\s+(?:the\s+|this\s+)?request)?\s+(?:in|after)\s+(\d+)\s*(?:seconds?|secs?|s)\b/i;

export function parseRetryAfterMessage(message: string | undefined): number | null {
  const match = message?.match(RETRY_HINT);
  return match ? Number(match[1]) : null;
}
