import type { Server } from 'node:http';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { GatewayConfig } from '../config/config';
import { createLiveMetrics } from './live-metrics';
import { LiveRuns } from './live-runs';
import { attachWebSocketTransport, type WebSocketTransport } from './websocket-transport';

export interface LiveFeature {
  live: LiveRuns;
  /** graphql-ws on the GraphQL endpoint of `server` (SSE needs nothing: Yoga serves it). */
  attachWebSockets(server: Server, yoga: YogaServerInstance<Record<string, unknown>, any>): void;
  /** Completes every open subscription and closes the WebSockets; the HTTP drain follows. Idempotent. */
  drainSubscriptions(): Promise<void>;
}

/** Live runs as the app wires them: the service, its metrics, the WebSocket transport and the shutdown step. */
export function createLiveFeature(config: GatewayConfig, logger: Logger, metricsRegistry: Registry | null): LiveFeature {
  const live = new LiveRuns({
    config: config.live,
    clientCredentialsMode: config.resilience.clientCredentials !== null,
    logger,
    metrics: metricsRegistry && createLiveMetrics(metricsRegistry),
  });
  const webSockets: WebSocketTransport[] = [];
  return {
    live,
    attachWebSockets: (server, yoga) => {
      webSockets.push(
        attachWebSocketTransport(server, yoga, {
          keepAliveMs: config.live.keepAliveMs,
          maxQueryLength: config.limits.maxQueryLength,
          persistedOperations: config.persistedOperations?.documents ?? null,
          logger,
        }),
      );
    },
    drainSubscriptions: async () => {
      live.shutdown();
      // Let the completions just queued reach the sockets before the close frames.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await Promise.all(webSockets.splice(0).map((transport) => transport.close()));
    },
  };
}
