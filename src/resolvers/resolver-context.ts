import type { Logger } from 'pino';
import type { ProcessLoader } from '../loaders/process-loader';
import type { ProcessPageLoader } from '../loaders/process-page-loader';
import type { ProcessRunLoader } from '../loaders/process-run-loader';
import type { UpstreamCallBudget } from '../loaders/upstream-call-budget';
import type { UpstreamDriftReporter } from '../upstream/upstream-drift';
import type { ProcessCursorCodec } from './process-cursor';

/** What every resolver receives; built per request by src/server/context.ts (the generated types point here). */
export interface GatewayContext {
  requestId: string;
  logger: Logger;
  drift: UpstreamDriftReporter;
  loaders: { processRun: ProcessRunLoader; process: ProcessLoader; processPage: ProcessPageLoader };
  upstreamCalls: UpstreamCallBudget;
  /** Signs and checks `processes` cursors (one key per process). */
  cursors: ProcessCursorCodec;
}
