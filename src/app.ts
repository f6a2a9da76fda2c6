import type { RequestListener, Server } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { useEngine } from '@envelop/core';
import { execute } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { GatewayConfig } from './config/config';
import { DEMO_ERROR_SCENARIOS } from './demo/demo-errors';
import { startDemoUpstream, type DemoUpstream } from './demo/demo-upstream';
import { GRAPHIQL_DEMO_IDS } from './demo/graphiql-demo-ids';
import { DEMO_RUNS } from './demo/fixtures';
import { createGatewayMetrics } from './observability/metrics';
import { registerRedisMetrics } from './observability/redis-metrics';
import { registerCacheMetrics } from './observability/cache-metrics';
import { createTracing } from './observability/tracing';
import { createOtlpMetrics } from './observability/otlp-metrics-push';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { createLiveFeature } from './live/live-feature';
import type { LiveRuns } from './live/live-runs';
import { RedisConnection } from './redis/redis-connection';
import { CallerHashes } from './identity/caller-hashes';
import { UpstreamDriftReporter } from './upstream/upstream-drift';
import { buildGatewaySchema } from './schema/build-schema';
import type { GatewayContext } from './resolvers/resolver-context';
import { createContextFactory } from './server/context';
import { createFastExecute, type FastPathStats } from './server/fast-execute';
import { withIncrementalDelivery } from './server/incremental-execute';
import { graphiqlOptions } from './graphiql/graphiql-options';
import { renderLocalGraphiQL, useGraphiQLAssets } from './graphiql/graphiql-assets';
import { corsOptionsFor } from './server/origin-policy';
import { JwtAuthenticator } from './server/jwt-authenticator';
import { useCallerAuthentication } from './server/plugins/caller-authentication';
import { guardAllowedHosts } from './server/allowed-hosts-guard';
import { useBrowserPointers } from './server/plugins/browser-pointers';
import { useOperationLimits } from './server/plugins/operation-limits';
import { usePageSizeBeforeLimits } from './server/plugins/page-size-first';
import { useTrustedDocuments } from './server/plugins/persisted-operations';
import { useAutomaticPersistedQueries } from './server/plugins/automatic-persisted-queries';
import { MemoryPersistedQueryStore, type PersistedQueryStore } from './server/apq/persisted-query-store';
import { RedisPersistedQueryStore } from './server/apq/redis-persisted-query-store';
import { useReadinessEndpoint } from './server/plugins/readiness-endpoint';
import { useRequestBodyLimit } from './server/plugins/request-body-limit';
import { useCsrfRefusal, useErrorCodes, useSubscriptionNotAcceptable } from './server/plugins/request-errors';
import { useCacheInfo } from './server/plugins/cache-info-extension';
import { useRequestLogging } from './server/plugins/request-logging';
import { useMultipartSubscriptions } from './server/plugins/multipart-subscriptions';
import { useUpstreamCallBudget } from './server/plugins/static-upstream-call-budget';
import { useVariablesDepthLimit } from './server/plugins/variables-depth';
import { attachWebSocketTransport, type WebSocketTransport } from './server/websocket-transport';
import { useWriteBudget } from './server/plugins/write-budget';
import { useWriteOutcomes } from './server/plugins/write-outcomes';
import { useIdempotency, type IdempotencyOptions } from './server/plugins/idempotency';
import { MemoryIdempotencyStore } from './writes/idempotency/memory-idempotency-store';
import { RedisIdempotencyStore } from './writes/idempotency/redis-idempotency-store';
import { listen } from './server/http-listener';
import { Readiness } from './server/readiness';
import { ClientCredentialsProvider } from './upstream/client-credentials';
import { passthroughCredentials, type CredentialsProvider } from './upstream/credentials';
import { createUpstreamAgent, ProcessesClient } from './upstream/processes-client';
import type { RateBudget } from './upstream/resilience/rate-budget';
import { PerCallerRateBudget, type CallerRateBudget } from './upstream/resilience/caller-rate-budget';
import { SharedRateBudget } from './upstream/resilience/shared-rate-budget';
import type { UpstreamEvents } from './upstream/upstream-events';
import { RedisAnswerTier } from './upstream/cache/redis-answer-tier';
import { UpstreamCache } from './upstream/cache/upstream-cache';

export interface AppOptions {
  config: GatewayConfig;
  logger: Logger;
  /** Where the Processes API is: the configured one, or the embedded demo upstream's address. */
  upstreamBaseUrl: string;
  /** True when upstreamBaseUrl is the embedded demo (it needs no credentials). */
  demoUpstream: boolean;
  /** Tests: spans go to this exporter (tracing on even without an OTLP endpoint). */
  spanExporter?: SpanExporter;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  /** What an HTTP server runs: Yoga behind the ALLOWED_HOSTS check. */
  handler: RequestListener;
  readiness: Readiness;
  drift: UpstreamDriftReporter;
  live: LiveRuns;
  /** Which execution path answered how many operations; null on the reference path (EXECUTION_FAST_PATH=false). */
  fastPath: Readonly<FastPathStats> | null;
  /** graphql-ws on the GraphQL endpoint of `server` (SSE needs nothing: Yoga serves it). */
  attachWebSockets(server: Server): void;
  /** Completes every open subscription and closes the WebSockets; the HTTP drain follows. Idempotent. */
  drainSubscriptions(): Promise<void>;
  close(): Promise<void>;
}

// The composition root: the only place that turns the configuration into components. Everything below receives
// plain options, never the config object.

/** Everything but the listening socket: tests and index.ts both build the gateway here. */
export function createApp({ config, logger, upstreamBaseUrl, demoUpstream, spanExporter }: AppOptions): App {
  const drift = new UpstreamDriftReporter(logger);
  const readiness = new Readiness();
  const metrics = config.telemetry.metrics
    ? createGatewayMetrics({
        maxOperationNames: config.telemetry.maxOperationNames,
        trustedOperationNames: trustedOperationNames(config),
      })
    : null;
  if (metrics) drift.onSighting(metrics.onDrift);
  const otlpMetrics = createOtlpMetrics(config.telemetry.otlpMetrics, metrics?.registry ?? null, logger);
  const tracing = createTracing(config.telemetry.tracing, new URL(upstreamBaseUrl).origin, logger, spanExporter);
  const shared = createSharedState(config, logger, readiness, metrics?.registry ?? null);
  // One set of keys for every hash that names a caller (audit, budgets, cache scopes, poll keys, idempotency).
  const callerHashes = new CallerHashes({
    credentialSecret: config.live.credentialSecret,
    idempotencySecret: config.writes.idempotency.secret,
    idempotencyStoreShared: shared !== null,
    clientCredentialsMode: config.resilience.clientCredentials !== null,
  });
  const callerRate = config.resilience.rateLimitPerCaller;
  const callerBudget = callerRate
    ? new PerCallerRateBudget({
        rate: callerRate,
        client: shared?.connection.client ?? null,
        // Fixed when the limiter is built, before any heartbeat: the share the global budget assumes then.
        fallbackShare: config.redis?.fallbackBudgetShare ?? 1 / REPLICAS_ASSUMED,
        ...(shared && {
          redisAvailable: () => shared.connection.available,
          onRedisTrouble: () => shared.connection.reportTrouble(),
        }),
      })
    : null;
  if (callerBudget && shared && config.auth.mode !== 'jwt' && !callerHashes.callersNamedAlikeAcrossProcesses) {
    logger.warn(
      'UPSTREAM_RATE_LIMIT_PER_CALLER counts per replica: set LIVE_CREDENTIAL_SECRET (the same on every replica) so replicas name a caller alike',
    );
  }
  const cache = createUpstreamCache(
    config,
    logger,
    metrics?.registry ?? null,
    shared?.connection ?? null,
    callerHashes,
  );
  const client = createProcessesClient(
    config,
    logger,
    upstreamBaseUrl,
    demoUpstream,
    metrics?.upstreamEvents,
    shared?.rateBudget ?? null,
    callerBudget,
    cache,
  );
  // Shown, never a reason to leave the balancer: every replica shares the upstream, and while the breaker is open
  // callers get precise GraphQL errors (UPSTREAM_UNAVAILABLE with retryAfter) instead of the balancer's bare 503.
  readiness.addDetail('upstreamBreaker', () => client.breakerReport());
  const liveFeature = createLiveFeature({
    live: config.live,
    callerHashes,
    logger,
    metricsRegistry: metrics?.registry ?? null,
    redis: shared?.connection ?? null,
  });
  const { live } = liveFeature;
  const webSockets: WebSocketTransport[] = [];
  const drainSubscriptions = async () => {
    await liveFeature.completeSubscriptions();
    await Promise.all(webSockets.splice(0).map((transport) => transport.close()));
  };
  const apqStore = persistedQueryStore(config, shared?.connection ?? null);
  const fastExecute = config.executionFastPath ? createFastExecute() : null;
  const authenticator = config.auth.mode === 'jwt' ? new JwtAuthenticator(config.auth) : null;
  if (config.production && config.cursorSecret === null) {
    logger.warn(
      'CURSOR_SECRET_EPHEMERAL=true: processes cursors are signed with a key of this process only; they fail on another replica or after a restart',
    );
  }
  // Every start, so that a deployment left without caller identity is said out loud in every log.
  if (config.auth.mode === 'none')
    logger.warn(
      'AUTH_MODE=none: callers are not identified; anyone who reaches the gateway acts with its upstream identity',
    );

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: buildGatewaySchema(),
    context: createContextFactory({
      client,
      logger,
      drift,
      maxUpstreamCallsPerOperation: config.limits.maxUpstreamCallsPerOperation,
      onLoaderBatch: metrics?.onLoaderBatch,
      onWrite: metrics?.onWrite,
      cursorSecret: config.cursorSecret,
      live,
      callerHashes,
    }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Yoga's default reflects any Origin with credentials: only CORS_ORIGINS (and never for an unlisted Host).
    cors: corsOptionsFor(config.origins.corsOrigins, config.origins.allowedHosts),
    graphiql: config.graphiql ? graphiqlOptions({ demo: demoUpstream ? GRAPHIQL_DEMO_IDS : null }) : false,
    renderGraphiQL: renderLocalGraphiQL,
    maskedErrors: { isDev: config.development },
    // Yoga's limit streams every body through a TransformStream; useRequestBodyLimit (last plugin) does the same job cheaper.
    maxRequestBodySize: false,
    logging: {
      debug: (...args) => logger.debug({ yoga: args.map(String) }, 'yoga'),
      info: (...args) => logger.info({ yoga: args.map(String) }, 'yoga'),
      warn: (...args) => logger.warn({ yoga: args.map(String) }, 'yoga'),
      error: (...args) => logger.error({ yoga: args.map(String) }, 'yoga'),
    },
    plugins: [
      // graphql-js's own executor instead of Yoga's @graphql-tools one (built for @defer/@stream): the reference
      // implementation, and cheaper per operation (docs/decisions/performance-history.md). The fast path puts
      // graphql-jit in front of it for the queries where it answers byte for byte the same (EXECUTION_FAST_PATH=false:
      // off). Only documents with @defer/@stream run on @graphql-tools/executor (src/server/incremental-execute.ts).
      useEngine({ execute: withIncrementalDelivery(fastExecute?.execute ?? execute) }),
      // Adds @defer/@stream to the schema and their validation rules; Yoga streams the parts as multipart/mixed or SSE.
      useDeferStream(),
      useBrowserPointers({ graphiql: config.graphiql }),
      ...(authenticator && config.auth.mode === 'jwt'
        ? [
            useCallerAuthentication(
              authenticator,
              { read: config.auth.readScope, write: config.auth.writeScope },
              logger,
              callerHashes,
            ),
          ]
        : []),
      // Before logging and metrics: both read the code it settles.
      useErrorCodes(),
      useRequestLogging(logger),
      ...(metrics?.plugins ?? []),
      ...(tracing?.plugins ?? []),
      ...(config.graphiql ? [useGraphiQLAssets()] : []),
      ...(config.introspection ? [] : [useDisableIntrospection()]),
      // One or the other: trusted documents refuse APQ registrations themselves (PERSISTED_QUERY_NOT_SUPPORTED).
      config.persistedOperations
        ? useTrustedDocuments(config.persistedOperations.documents)
        : useAutomaticPersistedQueries(apqStore, logger),
      useCsrfRefusal(),
      useSubscriptionNotAcceptable(),
      useMultipartSubscriptions(config.live.multipartHeartbeatMs),
      // Suggestions help while developing against the demo; in production they would map the schema for a stranger.
      ...(config.production ? [blockFieldSuggestionsPlugin() as Plugin] : []),
      usePageSizeBeforeLimits(),
      ...useOperationLimits(config.limits),
      // Before the call budget (which counts writes too): an operation with too many writes is named as such.
      useWriteBudget(config.writes.maxWritesPerOperation),
      useUpstreamCallBudget(config.limits.maxUpstreamCallsPerOperation),
      useWriteOutcomes(),
      // After the budget and every validation: a refused operation never claims a key.
      useIdempotency(
        idempotencyOptions(config, shared?.connection ?? null, logger, callerHashes, metrics?.onIdempotencyDecision),
      ),
      useCacheInfo(),
      useVariablesDepthLimit(),
      useReadinessEndpoint(readiness),
      // Last, like Yoga's own limit: it wraps whichever request parser the plugins above selected.
      // Checked against Content-Length up front and while streaming (chunked bodies): 413 REQUEST_ENTITY_TOO_LARGE.
      useRequestBodyLimit(config.limits.maxRequestBodyBytes),
    ],
  });

  return {
    yoga,
    handler: guardAllowedHosts(yoga, config.origins.allowedHosts),
    readiness,
    drift,
    live,
    fastPath: fastExecute?.stats ?? null,
    attachWebSockets: (server) => {
      webSockets.push(
        attachWebSocketTransport(server, yoga, {
          keepAliveMs: config.live.keepAliveMs,
          allowedOrigins: config.origins.corsOrigins,
          allowedHosts: config.origins.allowedHosts,
          authenticate: authenticator
            ? (request) => authenticator.authenticate(request, logger).then(() => undefined)
            : null,
          maxQueryLength: config.limits.maxQueryLength,
          persistedOperations: config.persistedOperations?.documents ?? null,
          apqStore,
          logger,
        }),
      );
    },
    drainSubscriptions,
    close: async () => {
      await drainSubscriptions();
      await client.close();
      await shared?.close();
      await tracing?.shutdown();
      await otlpMetrics?.shutdown();
    },
  };
}

/** With trusted documents, their operation names: the only ones /metrics labels by name. */
function trustedOperationNames(config: GatewayConfig): ReadonlySet<string> | null {
  if (!config.persistedOperations) return null;
  const names = new Set<string>();
  for (const document of config.persistedOperations.documents.values()) {
    for (const definition of document.definitions) {
      if (definition.kind === 'OperationDefinition' && definition.name) names.add(definition.name.value);
    }
  }
  return names;
}

/** The configured client: one keep-alive pool, the resilience policy, and the credentials mode (also the probe's, src/probe/). */
export function createProcessesClient(
  config: GatewayConfig,
  logger: Logger,
  upstreamBaseUrl: string,
  demoUpstream: boolean,
  events: UpstreamEvents | undefined,
  rateBudget: RateBudget | null,
  callerBudget: CallerRateBudget | null = null,
  cache?: UpstreamCache,
): ProcessesClient {
  const policy = config.resilience;
  const dispatcher = createUpstreamAgent({ connections: policy.maxSockets, connectTimeoutMs: policy.connectTimeoutMs });
  // The embedded demo needs no credentials.
  const credentials: CredentialsProvider = policy.clientCredentials
    ? new ClientCredentialsProvider({
        ...policy.clientCredentials,
        timeoutMs: config.upstreamTimeoutMs,
        dispatcher,
        logger,
      })
    : passthroughCredentials(!demoUpstream);
  return new ProcessesClient({
    baseUrl: upstreamBaseUrl,
    apiVersion: config.upstreamApiVersion,
    timeoutMs: config.upstreamTimeoutMs,
    maxBodyBytes: policy.maxBodyBytes,
    credentials,
    logger,
    dispatcher,
    events,
    attemptTimeouts: { headersMs: policy.headersTimeoutMs, bodyMs: policy.bodyTimeoutMs },
    retry: {
      maxAttempts: policy.maxAttempts,
      baseDelayMs: policy.retryBaseDelayMs,
      maxDelayMs: policy.retryMaxDelayMs,
    },
    breaker:
      policy.breakerThreshold === 0
        ? null
        : { threshold: policy.breakerThreshold, halfOpenAfterMs: policy.breakerHalfOpenAfterMs },
    rateLimit: policy.rateLimit,
    rateBudget,
    callerBudget,
    cache,
  });
}

/** Idempotency keys in Redis when replicas share it, else in this process's bounded memory. */
function idempotencyOptions(
  config: GatewayConfig,
  redis: RedisConnection | null,
  logger: Logger,
  callerHashes: CallerHashes,
  onDecision: IdempotencyOptions['onDecision'],
): IdempotencyOptions {
  const { ttlMs, maxEntries, maxBytes, required, secret } = config.writes.idempotency;
  if (redis && secret === null) {
    logger.warn(
      'IDEMPOTENCY_SECRET is not set: caller identities in Redis are hashed with a public key (a Redis dump could confirm a guessed token)',
    );
  }
  return {
    onDecision,
    store: redis ? new RedisIdempotencyStore(redis.client) : new MemoryIdempotencyStore(maxEntries, maxBytes),
    identity: callerHashes,
    ttlMs,
    required,
  };
}

/** Coalescing always; the cache tiers unless UPSTREAM_CACHE_TTL_MS=0 (docs/caching.md). */
function createUpstreamCache(
  config: GatewayConfig,
  logger: Logger,
  metricsRegistry: Registry | null,
  redis: RedisConnection | null,
  callerHashes: CallerHashes,
): UpstreamCache {
  const metrics = metricsRegistry ? registerCacheMetrics(metricsRegistry) : null;
  // The Redis tier needs every replica to derive the same credential scope; invalidations cross replicas either way.
  const cacheOn = config.upstreamCache.ttlMs > 0;
  if (redis && cacheOn && !callerHashes.sharedAcrossProcesses) {
    logger.warn(
      'upstream cache: REDIS_URL is set but LIVE_CREDENTIAL_SECRET is not: cached answers stay per replica (invalidations still cross)',
    );
  }
  const cache = new UpstreamCache({
    ttls: { ttlMs: config.upstreamCache.ttlMs, terminalTtlMs: config.upstreamCache.terminalTtlMs },
    maxBytes: config.upstreamCache.maxBytes,
    callerHashes,
    shared:
      redis && cacheOn
        ? new RedisAnswerTier(redis, logger, { storeAnswers: callerHashes.sharedAcrossProcesses })
        : null,
    events: metrics?.events,
    logger,
    coalesce: config.upstreamCache.coalesce,
  });
  metrics?.measureBytes(() => cache.localBytesByEndpoint);
  return cache;
}

/** APQ's store: in Redis when replicas share it, else in this process's bounded memory; null with APQ=false. */
function persistedQueryStore(config: GatewayConfig, redis: RedisConnection | null): PersistedQueryStore | null {
  if (!config.apq.enabled || config.persistedOperations) return null;
  return redis
    ? new RedisPersistedQueryStore(redis.client, config.apq.ttlMs)
    : new MemoryPersistedQueryStore(config.apq.maxEntries, config.apq.maxBytes);
}

interface SharedState {
  /** The upstream budget shared by all replicas, when both REDIS_URL and UPSTREAM_RATE_LIMIT are set. */
  rateBudget: RateBudget | null;
  /** Also shares the live poll loops (src/live/shared-poller-registry.ts). */
  connection: RedisConnection;
  close(): Promise<void>;
}

/** What replicas share through Redis (REDIS_URL); null without it, and everything stays in this process. */
function createSharedState(
  config: GatewayConfig,
  logger: Logger,
  readiness: Readiness,
  metricsRegistry: Registry | null,
): SharedState | null {
  if (!config.redis) return null;
  const connection = new RedisConnection(config.redis, logger);
  // Reported, never a reason to take the replica out: requests do not need Redis.
  readiness.addDetail('redis', () => connection.state);
  const metrics = metricsRegistry ? registerRedisMetrics(metricsRegistry, connection) : null;
  const rate = config.resilience.rateLimit;
  const rateBudget = rate
    ? new SharedRateBudget({
        rate,
        client: connection.client,
        fallbackShare: fallbackShareOf(config.redis.fallbackBudgetShare, connection),
        redisAvailable: () => connection.available,
        onRedisTrouble: () => connection.reportTrouble(),
        onDecision: metrics?.onBudgetDecision,
        onSkippedRedis: metrics?.onSkippedRedis,
      })
    : null;
  return { rateBudget, connection, close: () => connection.close() };
}

// Before any heartbeat answered (Redis down from the start): two replicas, the smallest scale-out.
const REPLICAS_ASSUMED = 2;

/** REDIS_FALLBACK_BUDGET_SHARE when set, else 1 / the replica count the heartbeats last showed. */
function fallbackShareOf(explicit: number | null, connection: RedisConnection): () => number {
  if (explicit !== null) return () => explicit;
  return () => 1 / Math.max(1, connection.replicasSeen ?? REPLICAS_ASSUMED);
}

export interface RunningGateway {
  url: string;
  app: App;
  server: Server;
  demo: DemoUpstream | null;
  /** Stop accepting, let in-flight requests finish within the grace period. Resolves true when all finished. */
  shutdown(): Promise<boolean>;
}

/** What `npm start` runs: the demo upstream when the config asks for it, the app, and the HTTP listener. */
export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  const demo = config.demoUpstream ? await startDemoUpstream() : null;
  if (demo) {
    logger.warn(
      { upstream: demo.url },
      'UPSTREAM_BASE_URL is not set: serving the embedded DEMO upstream (fixture data, no credentials needed)',
    );
  }
  const upstreamBaseUrl = config.upstreamBaseUrl ?? demo!.url;
  const app = createApp({ config, logger, upstreamBaseUrl, demoUpstream: demo !== null });
  // graphql-ws shares the HTTP port: attached before the first connection can arrive.
  const listener = await listen(app.handler, config.port, config.host, (server) => app.attachWebSockets(server));
  app.readiness.markStarted();
  logger.info({ url: `${listener.url}/graphql`, upstream: upstreamBaseUrl, demo: demo !== null }, 'gateway listening');
  logger.info(nextSteps(listener.url, config.graphiql, demo), 'next steps');

  const shutdown = async (): Promise<boolean> => {
    app.readiness.markStopping();
    // Still serving while the balancer notices the 503 and stops sending new requests here.
    if (config.shutdownDelayMs > 0) {
      logger.info({ delayMs: config.shutdownDelayMs }, 'shutdown: /ready is 503, still serving until the delay ends');
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
      logger.info('shutdown: delay over, draining');
    }
    // Open subscriptions complete first (their clients reconnect elsewhere), then in-flight requests drain.
    await app.drainSubscriptions();
    const drained = await listener.close(config.shutdownGraceMs);
    await app.close();
    await demo?.close();
    return drained;
  };
  return { url: listener.url, app, server: listener.server, demo, shutdown };
}

/** What a new user does next: open GraphiQL, and with the demo, which ids answer (runs) and which fail (errors). */
function nextSteps(url: string, graphiql: boolean, demo: DemoUpstream | null): Record<string, unknown> {
  return {
    graphiql: graphiql
      ? `${url}/graphql (open in a browser)`
      : 'off (GRAPHIQL=false): POST application/json to /graphql',
    ...(demo
      ? { demoRunIds: [...DEMO_RUNS.keys()], demoErrorIds: DEMO_ERROR_SCENARIOS.map((scenario) => scenario.id) }
      : {}),
  };
}
