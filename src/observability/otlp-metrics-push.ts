import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { OtlpMetricsConfig } from '../config/otlp-metrics-config';
import type { OtlpMetricsPush } from './otlp-metrics';

/**
 * The OTLP metrics push when OTEL_METRICS_EXPORTER=otlp (see otlp-metrics.ts), else null. The metrics SDK is loaded
 * only when used, like the tracing SDK.
 */
export function createOtlpMetrics(
  config: OtlpMetricsConfig | null,
  registry: Registry | null,
  logger: Logger,
): OtlpMetricsPush | null {
  // Config refuses otlp without METRICS, so a null registry here means the push is off.
  if (config === null || registry === null) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the metrics SDK loads only when the push is on
  const { startOtlpMetrics } = require('./otlp-metrics') as typeof import('./otlp-metrics');
  return startOtlpMetrics(config, registry, logger);
}
