import { ConfigError } from './config-error';
import { readChoice, readInteger, readString, type Env } from './env-readers';

/** OTLP/HTTP push of the /metrics registry (docs/observability.md); /metrics stays the primary. */
export interface OtlpMetricsConfig {
  /** Full metrics URL, e.g. http://otel-collector:4318/v1/metrics. */
  url: string;
  intervalMs: number;
  serviceName: string;
}

// The OpenTelemetry SDK's own defaults: a collector on localhost, one export a minute.
const DEFAULT_ENDPOINT = 'http://localhost:4318';
const DEFAULT_INTERVAL_MS = 60_000;

/**
 * OTEL_METRICS_EXPORTER (default none), then the standard endpoint variables: a metrics-specific endpoint is used as
 * given, the generic one gets /v1/metrics. `readUrl` is the caller's http(s) URL reader, so both refuse the same input.
 */
export function loadOtlpMetricsConfig(
  env: Env,
  readUrl: (env: Env, name: string) => string | null,
  serviceName: string,
  metricsOn: boolean,
): OtlpMetricsConfig | null {
  const exporter = readChoice(env, 'OTEL_METRICS_EXPORTER', { choices: ['none', 'otlp'] as const, default: 'none' });
  const metricsEndpoint = readUrl(env, 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT');
  const intervalMs = readInteger(env, 'OTEL_METRIC_EXPORT_INTERVAL', {
    min: 100,
    max: 3_600_000,
    default: DEFAULT_INTERVAL_MS,
  });
  // The exporter this gateway ships (@opentelemetry/exporter-metrics-otlp-http) speaks OTLP/HTTP with JSON bodies only.
  const protocols: Array<[string, string | undefined]> = [
    ['OTEL_EXPORTER_OTLP_METRICS_PROTOCOL', readString(env, 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL')],
    ['OTEL_EXPORTER_OTLP_PROTOCOL', readString(env, 'OTEL_EXPORTER_OTLP_PROTOCOL')],
  ];
  for (const [name, protocol] of protocols) {
    if (exporter === 'otlp' && protocol !== undefined && protocol !== 'http/json') {
      throw new ConfigError(name, `must be http/json (the only OTLP protocol this gateway exports), got "${protocol}"`);
    }
  }
  if (exporter === 'none') return null;
  if (!metricsOn)
    throw new ConfigError('OTEL_METRICS_EXPORTER', 'otlp exports the /metrics registry, so it needs METRICS=true');
  const url = metricsEndpoint ?? `${readUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT') ?? DEFAULT_ENDPOINT}/v1/metrics`;
  return { url, intervalMs, serviceName };
}
