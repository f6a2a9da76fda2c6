import { Counter, Gauge, type Registry } from 'prom-client';
import type { RedisConnection } from '../redis/redis-connection';
import type { BudgetStore } from '../upstream/resilience/shared-rate-budget';

/** Redis state and which store answered the upstream budget, on the app's registry (GET /metrics). */
export function registerRedisMetrics(registry: Registry, connection: RedisConnection) {
  new Gauge({
    name: 'gateway_redis_up',
    help: 'Whether Redis answers within REDIS_COMMAND_TIMEOUT_MS (1) or the replica runs on its local fallbacks (0)',
    registers: [registry],
    collect() {
      this.set(connection.state === 'up' ? 1 : 0);
    },
  });
  const changes = new Counter({
    name: 'gateway_redis_state_changes_total',
    help: 'Redis connection state changes, by new state',
    labelNames: ['state'],
    registers: [registry],
  });
  connection.onStateChange((state) => changes.inc({ state }));
  new Gauge({
    name: 'gateway_redis_replicas_seen',
    help: 'Replicas registered in Redis at the last heartbeat answered (the local budget share while Redis is down is 1/this)',
    registers: [registry],
    collect() {
      this.set(connection.replicasSeen ?? 0);
    },
  });
  const skipped = new Counter({
    name: 'gateway_redis_skipped_total',
    help: 'Requests answered by a local fallback without asking Redis, because Redis was down (the circuit was open)',
    registers: [registry],
  });
  const decisions = new Counter({
    name: 'gateway_upstream_budget_decisions_total',
    help: 'Upstream rate budget answers, by store (shared: Redis, local: the fallback share) and outcome',
    labelNames: ['store', 'outcome'],
    registers: [registry],
  });
  return {
    onBudgetDecision: (store: BudgetStore, allowed: boolean) =>
      decisions.inc({ store, outcome: allowed ? 'allowed' : 'refused' }),
    onSkippedRedis: () => skipped.inc(),
  };
}
