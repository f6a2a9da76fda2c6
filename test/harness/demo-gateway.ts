import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/server/logger';
import { startGateway, type RunningGateway } from '../../src/app';
import { CapturedLogs } from './gateway';

export type DemoGateway = RunningGateway & { logs: CapturedLogs; defaultHeaders: Record<string, string> };

/** What `npm start` runs with no UPSTREAM_BASE_URL, in-process: the gateway on a free loopback port with the embedded demo upstream. */
export async function startDemoGateway(env: Record<string, string> = {}): Promise<DemoGateway> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '1000', ...env });
  const logs = new CapturedLogs();
  const logger = createLogger({ level: config.logLevel, development: false, destination: logs });
  // The demo needs no credentials: execute() sends none to it.
  return Object.assign(await startGateway(config, logger), { logs, defaultHeaders: {} });
}

/** The demo gateway for one describe block: started in beforeAll, shut down in afterAll. */
export function useDemoGateway(env: Record<string, string> = {}): { readonly gateway: DemoGateway } {
  let current: DemoGateway | undefined;
  beforeAll(async () => {
    current = await startDemoGateway(env);
  });
  afterAll(async () => {
    await current?.shutdown();
  });
  return {
    get gateway() {
      if (!current) throw new Error('useDemoGateway(): the gateway starts in beforeAll; read it inside a test');
      return current;
    },
  };
}
