import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { createApp, type App } from '../../src/app';
import { loadConfig, type GatewayConfig } from '../../src/config/config';
import { createLogger } from '../../src/server/logger';
import type { SpanExporter } from '@opentelemetry/sdk-trace';

/** Log lines the gateway wrote, parsed. */
export class CapturedLogs extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }
  get entries(): Array<Record<string, any>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, any>);
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface TestGateway {
  url: string;
  app: App;
  logs: CapturedLogs;
  config: GatewayConfig;
  close(): Promise<void>;
}

export const TEST_TOKEN = 'Bearer test-secret-token-abc123';

/** The gateway in-process on a real loopback port, in front of `upstreamBaseUrl` (a FakeUpstream), logs captured. */
export async function startTestGateway(
  upstreamBaseUrl: string,
  env: Record<string, string> = {},
  options: { demoUpstream?: boolean; spanExporter?: SpanExporter } = {},
): Promise<TestGateway> {
  // Test floors: LIVE_* may go below the public minimums here (code-only; no environment variable can ask for it).
  // The answer cache off unless a suite asks for it: most suites re-script the fake for the same ids between tests
  // (test/cache covers the cache itself). Coalescing stays on, as in production.
  const config = loadConfig(
    { UPSTREAM_BASE_URL: upstreamBaseUrl, LOG_LEVEL: 'debug', UPSTREAM_CACHE_TTL_MS: '0', ...env },
    { liveTestFloors: true },
  );
  const logs = new CapturedLogs();
  const logger = createLogger({ level: config.logLevel, development: false, destination: logs });
  const app = createApp({
    config,
    logger,
    upstreamBaseUrl,
    demoUpstream: options.demoUpstream ?? false,
    spanExporter: options.spanExporter,
  });
  const server: Server = createServer(app.handler);
  app.attachWebSockets(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  app.readiness.markStarted();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    app,
    logs,
    config,
    async close() {
      await app.drainSubscriptions();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
