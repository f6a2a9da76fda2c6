import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { UndiciInstrumentation, type UndiciRequest } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { TracingConfig } from '../config/config';
import type { GatewayTracing } from './tracing';

const GRAPHQL_PATH = '/graphql';
const propagator = new W3CTraceContextPropagator();
const headerGetter = { get: (headers: Headers, key: string) => headers.get(key) ?? undefined, keys: () => [] };

// The context manager is process-wide by OpenTelemetry's design; installed once, the first time tracing is on.
let contextManagerInstalled = false;
function installContextManager(): void {
  if (contextManagerInstalled) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(propagator);
  contextManagerInstalled = true;
}

/** Where the spans go: OTLP/HTTP when configured; tests hand in an in-memory exporter (exported at once). */
export type SpanDestination = { otlpTracesUrl: string } | { exporter: SpanExporter };

/**
 * OpenTelemetry spans (SDK 3.x): one SERVER span per request to the GraphQL endpoint, continuing the caller's
 * `traceparent` and named after the operation once it is known (`query.Run`), active for the whole request so every
 * log line carries its ids; one CLIENT span per upstream attempt from @opentelemetry/instrumentation-undici, whose
 * own traceparent replaces the caller's raw one upstream.
 */
export function startOtelTracing(
  config: TracingConfig,
  destination: SpanDestination,
  upstreamOrigin: string,
  logger: Logger,
): GatewayTracing {
  installContextManager();
  const spanProcessor =
    'exporter' in destination
      ? new SimpleSpanProcessor({ exporter: destination.exporter })
      : new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: destination.otlpTracesUrl }) });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [spanProcessor],
  });
  const tracer = provider.getTracer('process-runs-gateway');

  // Enabled at construction against the no-op global provider; setTracerProvider points it at this one.
  const undici = new UndiciInstrumentation({
    // Only upstream calls made inside a traced request: not token fetches, not calls to other origins.
    requireParentforSpans: true,
    ignoreRequestHook: (request) => request.origin !== upstreamOrigin,
    requestHook: (span, request) => {
      if (!span.isRecording()) return;
      span.updateName(
        `${request.method} ${request.path.replace(/\?.*$/, '').replace(/^\/processRuns\/.+$/, '/processRuns/{id}')}`,
      );
      // The client forwards the caller's trace headers as they came; this span's own are injected right after.
      dropHeaders(request, ['traceparent', 'tracestate']);
    },
  });
  undici.setTracerProvider(provider);
  undici.enable();

  const requestSpans = new WeakMap<Request, Span>();
  const plugin: Plugin = {
    instrumentation: {
      request({ request }, wrapped) {
        if (!new URL(request.url).pathname.startsWith(GRAPHQL_PATH)) return wrapped();
        const parent = propagator.extract(ROOT_CONTEXT, request.headers, headerGetter);
        const span = tracer.startSpan(
          `${request.method} ${GRAPHQL_PATH}`,
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } },
          parent,
        );
        requestSpans.set(request, span);
        const end = () => span.end();
        try {
          const result = context.with(trace.setSpan(parent, span), wrapped);
          if (result instanceof Promise) return result.finally(end);
          end();
          return result;
        } catch (error) {
          end();
          throw error;
        }
      },
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const span = request ? requestSpans.get(request) : undefined;
      if (!span) return;
      const operation = getOperationAST(args.document, args.operationName);
      const type = operation?.operation ?? 'query';
      const name = operation?.name?.value ?? 'anonymous';
      // No variables, results or per-field spans: they could carry callers' data and cost a span per field.
      span.updateName(`${type}.${name}`);
      span.setAttributes({ 'graphql.operation.type': type, 'graphql.operation.name': name });
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result ? result.errors : undefined;
          if (!errors || errors.length === 0) return;
          const codes = [...new Set(errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          span.setAttribute('graphql.error.codes', codes);
          span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
        },
      };
    },
  };

  logger.info(
    {
      tracing: {
        ...('otlpTracesUrl' in destination ? { otlpTracesUrl: destination.otlpTracesUrl } : {}),
        serviceName: config.serviceName,
      },
    },
    'OpenTelemetry tracing on',
  );
  return {
    plugins: [plugin],
    async shutdown() {
      undici.disable();
      await provider.shutdown();
    },
  };
}

/** Removes headers from an undici request (a flat name, value, name, value list). */
function dropHeaders(request: UndiciRequest, names: string[]): void {
  const { headers } = request;
  if (!Array.isArray(headers)) return;
  for (let i = headers.length - 2; i >= 0; i -= 2) {
    if (names.includes(String(headers[i]).toLowerCase())) headers.splice(i, 2);
  }
}
