import diagnosticsChannel from 'node:diagnostics_channel';
import { useOpenTelemetry, setCurrentOtelContext } from '@envelop/opentelemetry';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { TracingConfig } from '../config/config';
import type { GatewayTracing } from './tracing';

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

interface UndiciRequest {
  origin: string;
  method: string;
  path: string;
  headers: string[];
  addHeader(name: string, value: string): unknown;
}

/**
 * OpenTelemetry spans when an OTLP endpoint is configured: one SERVER span per operation (continuing the caller's
 * `traceparent`) and one CLIENT span per upstream attempt, whose own traceparent replaces the raw one upstream.
 * Upstream attempts are seen through undici's diagnostics channel, so the upstream client stays tracing-agnostic.
 */
export function startOtelTracing(config: TracingConfig & { otlpTracesUrl: string }, upstreamOrigin: string, logger: Logger): GatewayTracing {
  installContextManager();
  const provider = new BasicTracerProvider({ resource: new Resource({ 'service.name': config.serviceName }) });
  provider.addSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter({ url: config.otlpTracesUrl })));
  const tracer = provider.getTracer('process-runs-gateway');

  const upstreamSpans = new WeakMap<UndiciRequest, Span>();
  const onCreate = (message: unknown) => {
    const request = (message as { request: UndiciRequest }).request;
    const parent = context.active();
    // Only calls made while an operation span is active (not token fetches or other origins).
    if (request.origin !== upstreamOrigin || trace.getSpan(parent) === undefined) return;
    const span = tracer.startSpan(
      `${request.method} ${request.path.replace(/\?.*$/, '').replace(/^\/processRuns\/.+$/, '/processRuns/{id}')}`,
      { kind: SpanKind.CLIENT, attributes: { 'http.request.method': request.method, 'url.path': request.path, 'server.address': request.origin } },
      parent,
    );
    upstreamSpans.set(request, span);
    const carrier: Record<string, string> = {};
    propagator.inject(trace.setSpan(parent, span), carrier, { set: (c, k, v) => (c[k] = v) });
    const at = request.headers.findIndex((value, i) => i % 2 === 0 && value.toLowerCase() === 'traceparent');
    if (at >= 0) request.headers[at + 1] = carrier.traceparent!;
    else request.addHeader('traceparent', carrier.traceparent!);
  };
  const onHeaders = (message: unknown) => {
    const { request, response } = message as { request: UndiciRequest; response: { statusCode: number } };
    const span = upstreamSpans.get(request);
    if (!span) return;
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
  };
  const onDone = (message: unknown) => {
    const { request, error } = message as { request: UndiciRequest; error?: Error };
    const span = upstreamSpans.get(request);
    if (!span) return;
    upstreamSpans.delete(request);
    if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    span.end();
  };
  diagnosticsChannel.subscribe('undici:request:create', onCreate);
  diagnosticsChannel.subscribe('undici:request:headers', onHeaders);
  diagnosticsChannel.subscribe('undici:request:trailers', onDone);
  diagnosticsChannel.subscribe('undici:request:error', onDone);

  // Runs before useOpenTelemetry's onExecute: its operation span then continues the caller's trace, if any.
  const continueCallerTrace: Plugin = {
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      setCurrentOtelContext(args.contextValue, propagator.extract(ROOT_CONTEXT, request.headers, headerGetter));
    },
  };

  logger.info({ tracing: { otlpTracesUrl: config.otlpTracesUrl, serviceName: config.serviceName } }, 'OpenTelemetry tracing on');
  return {
    plugins: [
      continueCallerTrace,
      // No variables, results or resolver spans: they could carry callers' data and cost a span per field.
      useOpenTelemetry({ resolvers: false, variables: false, result: false, document: true }, provider, SpanKind.SERVER, {}, config.serviceName) as Plugin,
    ],
    async shutdown() {
      diagnosticsChannel.unsubscribe('undici:request:create', onCreate);
      diagnosticsChannel.unsubscribe('undici:request:headers', onHeaders);
      diagnosticsChannel.unsubscribe('undici:request:trailers', onDone);
      diagnosticsChannel.unsubscribe('undici:request:error', onDone);
      await provider.shutdown();
    },
  };
}
