import type { Logger } from 'pino';
import type { ProcessRunLoader } from '../loaders/process-run-loader';
import type { UpstreamCallBudget } from '../loaders/upstream-call-budget';
import type { UpstreamDriftReporter } from '../upstream/upstream-drift';

/** What every resolver receives; built per request by src/server/context.ts (the generated types point here). */
export interface GatewayContext {
  requestId: string;
  logger: Logger;
  drift: UpstreamDriftReporter;
  loaders: { processRun: ProcessRunLoader };
  upstreamCalls: UpstreamCallBudget;
}
