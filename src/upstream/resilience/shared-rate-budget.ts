import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateBudget } from './rate-budget';
import type { RateLimit } from '../../config/rate-limit';

export type BudgetStore = 'shared' | 'local';

export interface SharedRateBudgetOptions {
  rate: RateLimit;
  /** The command connection; its own keyPrefix puts REDIS_KEY_PREFIX in front of the key. */
  client: Redis;
  /** The share of `rate.limit` this replica spends on its own while Redis is unreachable, read at each local answer. */
  fallbackShare: () => number;
  /** The circuit around Redis: false while it is down, and the local window answers without asking it. */
  redisAvailable: () => boolean;
  /** Redis failed to answer although the circuit was closed (the connection probes at once). */
  onRedisTrouble?: () => void;
  /** Each decision, by the store that made it: for metrics. */
  onDecision?: (store: BudgetStore, allowed: boolean) => void;
  /** A decision taken locally without asking Redis (the circuit was open). */
  onSkippedRedis?: () => void;
}

const KEY_PREFIX = 'upstream-budget';
const KEY = 'processes-api';

/**
 * One upstream budget for every replica: a fixed window in Redis, counted atomically by rate-limiter-flexible's Lua
 * script (read-then-write limiters undercount when replicas race). Whenever Redis cannot answer, its
 * insuranceLimiter answers instead: an in-memory window of `fallbackShare` of the budget, so N replicas with share
 * 1/N stay within the budget together; the next call that Redis answers is back on the shared count. While the
 * connection says Redis is down (a frozen Redis included) the local window answers directly: no command timeout paid.
 * The key holds only a counter: no credential is involved.
 */
export class SharedRateBudget implements RateBudget {
  private readonly limiter: RateLimiterRedis;
  private readonly local: RateLimiterMemory;
  private readonly redisAvailable: () => boolean;
  private readonly onSkippedRedis: SharedRateBudgetOptions['onSkippedRedis'];
  /** Answers given by the local fallback, to tell them apart from Redis's. */
  private readonly fromLocal = new WeakSet<RateLimiterRes>();
  private readonly onDecision: SharedRateBudgetOptions['onDecision'];

  constructor({
    rate,
    client,
    fallbackShare,
    redisAvailable,
    onRedisTrouble,
    onDecision,
    onSkippedRedis,
  }: SharedRateBudgetOptions) {
    this.onDecision = onDecision;
    this.redisAvailable = redisAvailable;
    this.onSkippedRedis = onSkippedRedis;
    const duration = rate.windowMs / 1000;
    const fromLocal = this.fromLocal;
    const local = new (class extends RateLimiterMemory {
      override async consume(
        key: string | number,
        points?: number,
        options?: Record<string, unknown>,
      ): Promise<RateLimiterRes> {
        // The share follows the replica count last seen; Redis failing while the circuit was closed is news.
        this.points = Math.max(1, Math.floor(rate.limit * fallbackShare()));
        if (redisAvailable()) onRedisTrouble?.();
        try {
          const taken = await super.consume(key, points, options);
          fromLocal.add(taken);
          return taken;
        } catch (refusal) {
          if (refusal instanceof RateLimiterRes) fromLocal.add(refusal);
          throw refusal;
        }
      }
    })({ keyPrefix: KEY_PREFIX, points: Math.max(1, Math.floor(rate.limit * fallbackShare())), duration });
    this.local = local;
    this.limiter = new RateLimiterRedis({
      storeClient: client,
      keyPrefix: KEY_PREFIX,
      points: rate.limit,
      duration,
      // Once this window is spent, refuse here until it ends instead of asking Redis again.
      inMemoryBlockOnConsumed: rate.limit,
      // Not connected: straight to the local window, no waiting.
      rejectIfRedisNotReady: true,
      insuranceLimiter: local,
    });
  }

  async take(): Promise<number | null> {
    try {
      const available = this.redisAvailable();
      if (!available) this.onSkippedRedis?.();
      this.record(await (available ? this.limiter : this.local).consume(KEY), true);
      return null;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      this.record(refusal, false);
      return Math.max(1, refusal.msBeforeNext);
    }
  }

  private record(answer: RateLimiterRes, allowed: boolean): void {
    this.onDecision?.(this.fromLocal.has(answer) ? 'local' : 'shared', allowed);
  }
}
