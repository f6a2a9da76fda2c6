import type { Logger } from 'pino';
import type { LiveEvent } from '../live/live-event';
import type { RequestLoaders } from '../loaders/request-loaders';
import type { UpstreamCallBudget } from '../loaders/upstream-call-budget';
import type { CacheInfoCollector } from '../upstream/cache/cache-info';
import type { UpstreamDriftReporter } from '../upstream/upstream-drift';
import type { WriteObserver } from '../writes/perform-write';
import type { ProcessWrites } from '../writes/process-writes';
import type { AuditTrail } from '../writes/audit-trail';
import type { ProcessCursorCodec } from '../validation/process-cursor';

/** What every resolver receives; built per request by src/server/context.ts (the generated types point here). */
export interface GatewayContext {
  requestId: string;
  logger: Logger;
  drift: UpstreamDriftReporter;
  loaders: RequestLoaders;
  upstreamCalls: UpstreamCallBudget;
  /** Mutations only: the upstream writes, never through a loader. */
  writes: ProcessWrites;
  onWrite?: WriteObserver;
  /** One audit event per mutation (src/writes/audit-trail.ts). */
  audit?: AuditTrail;
  /** The HTTP status of the request's last upstream write attempt, for the audit event. */
  lastUpstreamStatus?: () => number | null;
  forgetUpstreamStatus?: () => void;
  /** Signs and checks `processes` cursors (one key per process). */
  cursors: ProcessCursorCodec;
  /** Subscription.processRunUpdated: this caller's events for a run (shared poll loops, see src/live). */
  watchProcessRun(id: string, excludeGeneratedJobs: boolean): AsyncIterableIterator<LiveEvent>;
  /** Set only when the caller sent `X-Gateway-Cache-Info: true` (src/server/plugins/cache-info.ts). */
  cacheInfo?: CacheInfoCollector;
}
