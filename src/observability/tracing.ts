import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { TracingConfig } from '../config/config';

export interface GatewayTracing {
  plugins: Plugin[];
  /** Flushes spans still buffered and stops listening to upstream calls. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry spans when an OTLP endpoint is configured or a test hands in an exporter (see otel-tracing.ts), else
 * null: the caller's traceparent is then forwarded upstream as it came. The SDK is loaded only when used: it adds
 * ~10 MB to every process otherwise.
 */
export function createTracing(
  config: TracingConfig,
  upstreamOrigin: string,
  logger: Logger,
  spanExporter?: SpanExporter,
): GatewayTracing | null {
  const { otlpTracesUrl } = config;
  if (otlpTracesUrl === null && spanExporter === undefined) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- OpenTelemetry loads only when tracing is on
  const { startOtelTracing } = require('./otel-tracing') as typeof import('./otel-tracing');
  return startOtelTracing(
    config,
    spanExporter ? { exporter: spanExporter } : { otlpTracesUrl: otlpTracesUrl! },
    upstreamOrigin,
    logger,
  );
}
