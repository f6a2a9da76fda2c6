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

// The upstream's 429 body says e.g. "Retry request in 10 seconds." when it sends no header.
export function parseRetryAfterMessage(message: string | undefined): number | null {
  const match = message?.match(/retry (?:request )?in (\d+) seconds?/i);
  return match ? Number(match[1]) : null;
}
