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
  /** The circuit around Redis: false while it is down (a frozen Redis included), and the local window answers alone. */
  redisAvailable?: () => boolean;
  /** Redis failed to answer although the circuit was closed (the connection probes at once). */
  onRedisTrouble?: () => void;
}

const KEY_PREFIX = 'upstream-caller-budget';

/**
 * A fixed window per caller (rate-limiter-flexible: atomic in Redis, as the global budget). A caller's counter lives
 * one window: idle callers expire on their own (in memory and in Redis alike), so the state stays bounded by the
 * callers active within one window. Keys are caller keys (hashes), never credentials.
 */
export class PerCallerRateBudget implements CallerRateBudget {
  private readonly limiter: RateLimiterAbstract;
  /** The in-memory window that answers while Redis cannot (the Redis limiter's insurance), or the only one. */
  private readonly local: RateLimiterMemory;
  private readonly redisAvailable: () => boolean;

  constructor({ rate, client, fallbackShare, redisAvailable, onRedisTrouble }: CallerRateBudgetOptions) {
    const duration = rate.windowMs / 1000;
    this.redisAvailable = redisAvailable ?? (() => true);
    const available = this.redisAvailable;
    const points = client ? Math.max(1, Math.floor(rate.limit * fallbackShare)) : rate.limit;
    this.local = client
      ? new (class extends RateLimiterMemory {
          override consume(key: string | number, taken?: number, options?: Record<string, unknown>) {
            // Reached as insurance while the circuit was closed: Redis failing is news to the connection.
            if (available()) onRedisTrouble?.();
            return super.consume(key, taken, options);
          }
        })({ keyPrefix: KEY_PREFIX, points, duration })
      : new RateLimiterMemory({ keyPrefix: KEY_PREFIX, points, duration });
    this.limiter = client
      ? new RateLimiterRedis({
          storeClient: client,
          keyPrefix: KEY_PREFIX,
          points: rate.limit,
          duration,
          rejectIfRedisNotReady: true,
          insuranceLimiter: this.local,
        })
      : this.local;
  }

  async take(callerKey: string): Promise<number | null> {
    try {
      // While the circuit is open no Redis command is sent: a frozen Redis would cost each call the command timeout.
      await (this.redisAvailable() ? this.limiter : this.local).consume(callerKey);
      return null;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return Math.max(1, refusal.msBeforeNext);
    }
  }
}
