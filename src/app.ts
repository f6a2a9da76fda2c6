import type { Logger } from 'pino';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { useEngine } from '@envelop/core';
import { execute } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { GatewayConfig } from './config/config';
import { createGatewayMetrics } from './observability/metrics';
import { createSharedState } from './redis/shared-state';
import { createTracing } from './observability/tracing';
import { UpstreamDriftReporter } from './observability/upstream-drift';
import { buildGatewaySchema } from './schema/build-schema';
import { createContextFactory, type GatewayContext } from './server/context';
import { graphiqlOptions } from './server/graphiql';
import { renderLocalGraphiQL, useGraphiQLAssets } from './server/plugins/graphiql-assets';
import { useOperationLimits } from './server/plugins/operation-limits';
import { useTrustedDocuments } from './server/plugins/persisted-operations';
import { useReadinessEndpoint } from './server/plugins/readiness-endpoint';
import { useRequestBodyLimit } from './server/plugins/request-body-limit';
import { useRequestLogging } from './server/plugins/request-logging';
import { useUpstreamCallBudget } from './server/plugins/upstream-call-budget';
import { Readiness } from './server/readiness';
import { createProcessesClient } from './upstream/create-processes-client';

export interface AppOptions {
  config: GatewayConfig;
  logger: Logger;
  /** Where the Processes API is: the configured one, or the embedded demo upstream's address. */
  upstreamBaseUrl: string;
  /** True when upstreamBaseUrl is the embedded demo (it needs no credentials). */
  demoUpstream: boolean;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  readiness: Readiness;
  drift: UpstreamDriftReporter;
  close(): Promise<void>;
}

/** Everything but the listening socket: tests and index.ts both build the gateway here. */
export function createApp({ config, logger, upstreamBaseUrl, demoUpstream }: AppOptions): App {
  const drift = new UpstreamDriftReporter(logger);
  const readiness = new Readiness();
  const metrics = config.telemetry.metrics ? createGatewayMetrics() : null;
  if (metrics) drift.onSighting(metrics.onDrift);
  const tracing = createTracing(config.telemetry.tracing, new URL(upstreamBaseUrl).origin, logger);
  const shared = createSharedState(config, logger, readiness, metrics?.registry ?? null);
  const client = createProcessesClient({ config, logger, upstreamBaseUrl, demoUpstream, events: metrics?.upstreamEvents, rateBudget: shared?.rateBudget });
  readiness.addCheck(() => client.readinessProblem());

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: buildGatewaySchema(),
    context: createContextFactory({ client, logger, drift, maxUpstreamCallsPerOperation: config.limits.maxUpstreamCallsPerOperation, onLoaderBatch: metrics?.onLoaderBatch, onWrite: metrics?.onWrite, cursorSecret: config.cursorSecret }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.graphiql ? graphiqlOptions({ demoUpstream }) : false,
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
      // graphql-js's own executor instead of Yoga's @graphql-tools one (built for @defer/@stream, which this schema
      // has none of): the reference implementation, ~15% less CPU per seed query. (graphql-jit was rejected: it drops
      // null list items and error locations.)
      useEngine({ execute }),
      useRequestLogging(logger),
      ...(metrics?.plugins ?? []),
      ...(tracing?.plugins ?? []),
      ...(config.graphiql ? [useGraphiQLAssets()] : []),
      ...(config.introspection ? [] : [useDisableIntrospection()]),
      ...(config.persistedOperations ? [useTrustedDocuments(config.persistedOperations.documents)] : []),
      // Browsers' "simple" requests (GET, form posts) need this header; JSON POSTs are preflighted and pass as they are.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      ...(config.development ? [] : [blockFieldSuggestionsPlugin() as Plugin]),
      ...useOperationLimits(config.limits),
      useUpstreamCallBudget(config.limits.maxUpstreamCallsPerOperation),
      useReadinessEndpoint(readiness),
      // Last, like Yoga's own limit: it wraps whichever request parser the plugins above selected.
      // Checked against Content-Length up front and while streaming (chunked bodies): 413 REQUEST_ENTITY_TOO_LARGE.
      useRequestBodyLimit(config.limits.maxRequestBodyBytes),
    ],
  });

  return {
    yoga,
    readiness,
    drift,
    close: async () => {
      await client.close();
      await shared?.close();
      await tracing?.shutdown();
    },
  };
}
