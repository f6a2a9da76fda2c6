// Hand-written: a token bucket is a dozen lines, and the libraries that offer one (limiter, bottleneck) add
// queueing or timers we do not want — a caller over budget is answered at once, never queued.
import type { RateBudget } from './rate-budget';

import type { RateLimit } from '../../config/rate-limit';

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
