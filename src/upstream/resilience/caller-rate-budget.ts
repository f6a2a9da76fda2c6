import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimit } from '../../config/rate-limit';

/** UPSTREAM_RATE_LIMIT_PER_CALLER: each caller's share of the upstream budget. */
export interface CallerRateBudget {
  /** Takes one request for `callerKey`; null when taken, else the milliseconds until one is available. */
  take(callerKey: string): Promise<number | null>;
}

export interface CallerRateBudgetOptions {
  rate: RateLimit;
  /** With REDIS_URL: the command connection, so every replica counts a caller's calls together. */
  client: Redis | null;
  /** The share of a caller's budget this replica grants on its own while Redis is unreachable. */
  fallbackShare: number;
}

const KEY_PREFIX = 'upstream-caller-budget';

/**
 * A fixed window per caller (rate-limiter-flexible: atomic in Redis, as the global budget). A caller's counter lives
 * one window: idle callers expire on their own (in memory and in Redis alike), so the state stays bounded by the
 * callers active within one window. Keys are caller keys (hashes), never credentials.
 */
export class PerCallerRateBudget implements CallerRateBudget {
  private readonly limiter: RateLimiterAbstract;

  constructor({ rate, client, fallbackShare }: CallerRateBudgetOptions) {
    const duration = rate.windowMs / 1000;
    this.limiter = client
      ? new RateLimiterRedis({
          storeClient: client,
          keyPrefix: KEY_PREFIX,
          points: rate.limit,
          duration,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory({
            keyPrefix: KEY_PREFIX,
            points: Math.max(1, Math.floor(rate.limit * fallbackShare)),
            duration,
          }),
        })
      : new RateLimiterMemory({ keyPrefix: KEY_PREFIX, points: rate.limit, duration });
  }

  async take(callerKey: string): Promise<number | null> {
    try {
      await this.limiter.consume(callerKey);
      return null;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return Math.max(1, refusal.msBeforeNext);
    }
  }
}
