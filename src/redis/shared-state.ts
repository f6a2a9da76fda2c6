import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { GatewayConfig } from '../config/config';
import { registerRedisMetrics } from '../observability/redis-metrics';
import type { Readiness } from '../server/readiness';
import type { RateBudget } from '../upstream/resilience/rate-budget';
import { SharedRateBudget } from '../upstream/resilience/shared-rate-budget';
import { RedisConnection } from './redis-connection';

export interface SharedState {
  /** The upstream budget shared by all replicas, when both REDIS_URL and UPSTREAM_RATE_LIMIT are set. */
  rateBudget: RateBudget | null;
  connection: RedisConnection;
  close(): Promise<void>;
}

/** What replicas share through Redis (REDIS_URL); null without it, and everything stays in this process. */
export function createSharedState(
  config: GatewayConfig,
  logger: Logger,
  readiness: Readiness,
  metricsRegistry: Registry | null,
): SharedState | null {
  if (!config.redis) return null;
  const connection = new RedisConnection(config.redis, logger);
  // Reported, never a reason to take the replica out: requests do not need Redis.
  readiness.addDetail('redis', () => connection.state);
  const metrics = metricsRegistry ? registerRedisMetrics(metricsRegistry, connection) : null;
  const rate = config.resilience.rateLimit;
  const rateBudget = rate
    ? new SharedRateBudget({
        rate,
        client: connection.client,
        fallbackShare: config.redis.fallbackBudgetShare,
        onDecision: metrics?.onBudgetDecision,
      })
    : null;
  return { rateBudget, connection, close: () => connection.close() };
}
