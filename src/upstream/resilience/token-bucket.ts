// Hand-written: a token bucket is a dozen lines, and the libraries that offer one (limiter, bottleneck) add
// queueing or timers we do not want — a caller over budget is answered at once, never queued.
import type { RateBudget } from './rate-budget';

export interface RateLimit {
  /** Calls allowed per window. */
  limit: number;
  windowMs: number;
}

/** Refills continuously at limit/windowMs; holds at most `limit` tokens. */
export class TokenBucket implements RateBudget {
  private tokens: number;
  private refilledAt: number;
  private readonly perMs: number;

  constructor(
    private readonly rate: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = rate.limit;
    this.refilledAt = now();
    this.perMs = rate.limit / rate.windowMs;
  }

  /** Takes one token; null when taken, else the milliseconds until one is available. */
  take(): number | null {
    const now = this.now();
    this.tokens = Math.min(this.rate.limit, this.tokens + (now - this.refilledAt) * this.perMs);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return null;
    }
    return Math.ceil((1 - this.tokens) / this.perMs);
  }
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
