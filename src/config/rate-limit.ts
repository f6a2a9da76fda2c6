// UPSTREAM_RATE_LIMIT's format; parsed here so a bad value stops the process at start like every other variable.

export interface RateLimit {
  /** Calls allowed per window. */
  limit: number;
  windowMs: number;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "1000/60s" → { limit: 1000, windowMs: 60000 }; null when the text is not of that form. */
export function parseRateLimit(text: string): RateLimit | null {
  const match = /^(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h)$/.exec(text.trim());
  if (!match) return null;
  const limit = Number(match[1]);
  const windowMs = Number(match[2]) * UNITS[match[3]!]!;
  return limit >= 1 && windowMs >= 1 ? { limit, windowMs } : null;
}
