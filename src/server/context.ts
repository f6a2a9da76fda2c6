import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { YogaInitialContext } from 'graphql-yoga';
import type { LiveRuns } from '../live/live-runs';
import { callerCredentialOf, jwtCallerOf } from './jwt-authenticator';
import { createRequestLoaders } from '../loaders/request-loaders';
import { UpstreamCallBudget } from '../loaders/upstream-call-budget';
import { ProcessCursorCodec } from '../validation/process-cursor';
import type { GatewayContext } from '../resolvers/resolver-context';
import { CACHE_INFO_HEADER, CacheInfoCollector } from '../upstream/cache/cache-info';
import type { UpstreamDriftReporter } from '../upstream/upstream-drift';
import type { ProcessesClient } from '../upstream/processes-client';
import { createProcessWrites } from '../writes/process-writes';
import { createAuditTrail } from '../writes/audit-trail';
import { CallerHashes } from '../identity/caller-hashes';
import type { WriteObserver } from '../writes/perform-write';

export interface ContextDependencies {
  client: ProcessesClient;
  logger: Logger;
  drift: UpstreamDriftReporter;
  /** MAX_UPSTREAM_CALLS_PER_OPERATION: no request sends more, whatever the static count let through. */
  maxUpstreamCallsPerOperation: number;
  /** Observer of loader batch sizes (metrics). */
  onLoaderBatch?: (size: number) => void;
  /** Observer of finished mutations (metrics). */
  onWrite?: WriteObserver;
  /** CURSOR_SECRET's keys (the first signs, all verify); null: a random key for this process. */
  cursorSecret?: readonly string[] | null;
  /** Names the caller in audit events and budget keys; absent: a random key for this process. */
  callerHashes?: CallerHashes;
  /** Absent: subscriptions are refused (contexts built outside the app, e.g. in unit tests). */
  live?: LiveRuns | null;
}

// A caller-supplied id is kept only when it is short and printable: it goes into logs and an upstream header.
const ACCEPTABLE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

const requestIds = new WeakMap<Request, string>();

/** The request's id: the caller's `x-request-id` when acceptable, else a new UUID. Stable for one Request. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (id === undefined) {
    const given = request.headers.get('x-request-id');
    id = given && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/** Builds everything a GraphQL request owns: its id, child logger and loaders. Nothing here outlives the request. */
export function createContextFactory({
  client,
  logger,
  drift,
  maxUpstreamCallsPerOperation,
  onLoaderBatch,
  onWrite,
  cursorSecret,
  live,
  callerHashes = new CallerHashes({ credentialSecret: null }),
}: ContextDependencies) {
  const cursors = new ProcessCursorCodec(cursorSecret ?? null);
  return (initial: YogaInitialContext): GatewayContext => {
    const { request } = initial;
    const requestId = requestIdOf(request);
    const requestLogger = logger.child({ requestId });
    // A verified JWT is for the gateway only: the upstream is called with the gateway's own token.
    const callerAuthorization = jwtCallerOf(request) ? null : request.headers.get('authorization');
    const cacheInfo =
      request.headers.get(CACHE_INFO_HEADER)?.trim().toLowerCase() === 'true' ? new CacheInfoCollector() : undefined;
    const call = {
      callerAuthorization,
      requestId,
      logger: requestLogger,
      traceparent: request.headers.get('traceparent'),
      tracestate: request.headers.get('tracestate'),
      cacheNotice: cacheInfo?.record,
      callerKey: () => callerHashes.budgetKey(callerCredentialOf(request)),
    };
    const upstreamCalls = new UpstreamCallBudget(maxUpstreamCallsPerOperation);
    const writeStatus: { last: number | null } = { last: null };
    const writeCall = { ...call, onAttemptStatus: (status: number | null) => (writeStatus.last = status) };
    return {
      requestId,
      logger: requestLogger,
      drift,
      upstreamCalls,
      writes: createProcessWrites(client, writeCall, upstreamCalls),
      onWrite,
      audit: createAuditTrail(requestLogger, () => callerHashes.auditCaller(callerCredentialOf(request))),
      lastUpstreamStatus: () => writeStatus.last,
      forgetUpstreamStatus: () => void (writeStatus.last = null),
      cursors,
      ...(cacheInfo && { cacheInfo }),
      loaders: createRequestLoaders(client, call, upstreamCalls, onLoaderBatch),
      watchProcessRun: (id, excludeGeneratedJobs) => {
        if (!live) throw new Error('live runs are not set up in this context');
        return live.watch({
          runId: id,
          excludeGeneratedJobs,
          callerAuthorization,
          connection: connectionOf(initial),
          // The loop's answers also serve reads of this run (docs/caching.md: live snapshots). A loop's polls go out under its own request id; the subscriber's one-off read under this request's.
          fetchRun: (loop) =>
            client.getProcessRun(
              id,
              excludeGeneratedJobs,
              loop
                ? // The loop serves every watcher: no one subscriber's per-caller budget; the loop hears when its request went out.
                  {
                    ...call,
                    requestId: loop.requestId,
                    logger: loop.logger,
                    traceparent: null,
                    tracestate: null,
                    callerKey: undefined,
                    cacheNotice: loop.requested,
                  }
                : call,
              { live: true },
            ),
          // With REDIS_URL, states another replica's loop polled serve this caller's reads here too.
          keepRelayed: (relayed) =>
            void client.keepRelayedProcessRun(id, excludeGeneratedJobs, callerAuthorization, relayed),
        });
      },
    };
  };
}

/** The client connection a subscription belongs to: the WebSocket (set by the graphql-ws transport) or the HTTP socket. */
function connectionOf(initial: YogaInitialContext): object | null {
  const server = initial as YogaInitialContext & { liveConnection?: object; req?: { socket?: object } };
  return server.liveConnection ?? server.req?.socket ?? null;
}
