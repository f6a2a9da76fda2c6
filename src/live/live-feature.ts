import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { LiveConfig } from '../config/live-config';
import type { CallerHashes } from '../identity/caller-hashes';
import type { RedisConnection } from '../redis/redis-connection';
import { createLiveMetrics, createSharedLiveMetrics, type LiveMetrics } from './live-metrics';
import { LiveRuns } from './live-runs';
import type { PollerRegistry } from './poller-registry';
import { SharedPollerRegistry } from './shared-poller-registry';

export interface LiveFeatureOptions {
  live: LiveConfig;
  /** Names the credential in a poll key; replicas share loops only when it is sharedAcrossProcesses. */
  callerHashes: CallerHashes;
  logger: Logger;
  metricsRegistry: Registry | null;
  /** With REDIS_URL: poll loops are shared by all replicas through it. */
  redis?: RedisConnection | null;
}

export interface LiveFeature {
  live: LiveRuns;
  /** Completes every open subscription; the WebSockets (server/websocket-transport.ts) close next. Idempotent. */
  completeSubscriptions(): Promise<void>;
}

/** Live runs as app.ts wires them: the service, its metrics and the shutdown step (app.ts attaches the WebSockets). */
export function createLiveFeature(options: LiveFeatureOptions): LiveFeature {
  const { logger, metricsRegistry } = options;
  const metrics = metricsRegistry && createLiveMetrics(metricsRegistry);
  const live = new LiveRuns({
    config: options.live,
    callerHashes: options.callerHashes,
    logger,
    metrics,
    registry: sharedRegistry(options, metrics) ?? undefined,
  });
  return {
    live,
    completeSubscriptions: async () => {
      live.shutdown();
      // Let the completions just queued reach the sockets before the close frames.
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

/** The Redis-backed registry when replicas can share loops; null → LiveRuns's in-memory one. */
function sharedRegistry(options: LiveFeatureOptions, metrics: LiveMetrics | null): PollerRegistry | null {
  const { redis, live, logger, metricsRegistry } = options;
  if (!redis) return null;
  // Replicas share a loop only when they hash a caller's credential alike: the gateway's own token, or a common key.
  if (!options.callerHashes.sharedAcrossProcesses) {
    logger.warn(
      'live pollers stay per replica: set LIVE_CREDENTIAL_SECRET (the same on every replica) to share them through redis',
    );
    return null;
  }
  const shared = metricsRegistry && createSharedLiveMetrics(metricsRegistry);
  return new SharedPollerRegistry({
    connection: redis,
    timing: live,
    leaseTtlMs: live.leaseTtlMs,
    logger,
    observer: {
      onPoll: metrics ? (outcome) => metrics.polled(outcome) : undefined,
      onPollersChanged: metrics ? (active) => metrics.pollersChanged(active) : undefined,
      onLeasesChanged: shared ? (owned) => shared.leasesChanged(owned) : undefined,
      onFollowedChanged: shared ? (followed) => shared.followedChanged(followed) : undefined,
      onLeaseEvent: shared ? (event) => shared.leaseEvent(event) : undefined,
      onModeChanged: shared ? (mode) => shared.modeChanged(mode) : undefined,
    },
  });
}
