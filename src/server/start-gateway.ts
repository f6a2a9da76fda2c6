import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp, type App } from '../app';
import type { GatewayConfig } from '../config/config';
import { startDemoUpstream, type DemoUpstream } from '../demo/demo-upstream';

export interface RunningGateway {
  url: string;
  app: App;
  server: Server;
  demo: DemoUpstream | null;
  /** Stop accepting, let in-flight requests finish within the grace period. Resolves true when all finished. */
  shutdown(): Promise<boolean>;
}

/** What `npm start` runs: the demo upstream when none is configured, the app, and the HTTP listener. */
export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  const demo = config.upstreamBaseUrl === null ? await startDemoUpstream() : null;
  if (demo) {
    logger.warn(
      { upstream: demo.url },
      'UPSTREAM_BASE_URL is not set: serving the embedded DEMO upstream (fixture data, no credentials needed)',
    );
  }
  const upstreamBaseUrl = config.upstreamBaseUrl ?? demo!.url;
  const app = createApp({ config, logger, upstreamBaseUrl, demoUpstream: demo !== null });
  const server = createServer(app.yoga);
  app.attachWebSockets(server);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${port}`;
  app.readiness.markStarted();
  logger.info({ url: `${url}/graphql`, upstream: upstreamBaseUrl, demo: demo !== null }, 'gateway listening');

  const shutdown = async (): Promise<boolean> => {
    app.readiness.markStopping();
    // Open subscriptions complete first (their clients reconnect elsewhere), then in-flight requests drain.
    await app.drainSubscriptions();
    const drained = await closeWithin(server, config.shutdownGraceMs);
    await app.close();
    await demo?.close();
    return drained;
  };
  return { url, app, server, demo, shutdown };
}

/** server.close() waits for in-flight requests; idle keep-alive sockets are closed as they become idle. */
function closeWithin(server: Server, graceMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let forced = false;
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    // Grace over: cut the connections still open; the shutdown then reports that it was not clean.
    const force = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve(!forced);
    });
    server.closeIdleConnections();
  });
}
