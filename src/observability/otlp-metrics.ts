import { hrTime } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader, type CollectionResult, type MetricProducer } from '@opentelemetry/sdk-metrics';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { OtlpMetricsConfig } from '../config/otlp-metrics-config';
import { toOtelMetrics } from './prometheus-to-otlp';

export interface OtlpMetricsPush {
  /** Sends what was collected since the last export, then stops the timer. */
  shutdown(): Promise<void>;
}

const SCOPE = { name: 'process-runs-gateway/prometheus-bridge' };
// The SDK's default export timeout, kept below the interval (the reader refuses a timeout longer than the interval).
const EXPORT_TIMEOUT_MS = 30_000;

/**
 * Pushes the prom-client registry behind /metrics over OTLP/HTTP (JSON) every interval: read with getMetricsAsJSON()
 * by a MetricProducer of the OpenTelemetry SDK's own periodic reader, so one registry stays the single source.
 */
export function startOtlpMetrics(config: OtlpMetricsConfig, registry: Registry, logger: Logger): OtlpMetricsPush {
  const startTime = hrTime();
  const resource = resourceFromAttributes({ 'service.name': config.serviceName });
  const producer: MetricProducer = {
    async collect(): Promise<CollectionResult> {
      const endTime = hrTime();
      try {
        const metrics = (await registry.getMetricsAsJSON()).flatMap((metric) => toOtelMetrics(metric, startTime, endTime));
        return { resourceMetrics: { resource: resource, scopeMetrics: [{ scope: SCOPE, metrics }] }, errors: [] };
      } catch (error) {
        return { resourceMetrics: { resource: resource, scopeMetrics: [] }, errors: [error] };
      }
    },
  };
  const reader = new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url: config.url }),
    exportIntervalMillis: config.intervalMs,
    exportTimeoutMillis: Math.min(EXPORT_TIMEOUT_MS, config.intervalMs),
    metricProducers: [producer],
  });
  const provider = new MeterProvider({ resource, readers: [reader] });
  logger.info({ otlpMetrics: { url: config.url, intervalMs: config.intervalMs } }, 'OTLP metrics export on');
  return {
    async shutdown() {
      await provider.shutdown();
    },
  };
}
