import { ExportResultCode, hrTime } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  MeterProvider,
  PeriodicExportingMetricReader,
  type CollectionResult,
  type MetricProducer,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
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
// The last export at shutdown fits the 5 s margin after the drain (docs/deployment.md, the shutdown timeline).
const SHUTDOWN_FLUSH_MS = 2_000;

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
        const metrics = (await registry.getMetricsAsJSON()).flatMap((metric) =>
          toOtelMetrics(metric, startTime, endTime),
        );
        return { resourceMetrics: { resource, scopeMetrics: [{ scope: SCOPE, metrics }] }, errors: [] };
      } catch (error) {
        return { resourceMetrics: { resource, scopeMetrics: [] }, errors: [error] };
      }
    },
  };
  const reader = new PeriodicExportingMetricReader({
    exporter: loggingFailures(new OTLPMetricExporter({ url: config.url }), logger),
    exportIntervalMillis: config.intervalMs,
    exportTimeoutMillis: Math.min(EXPORT_TIMEOUT_MS, config.intervalMs),
    metricProducers: [producer],
  });
  const provider = new MeterProvider({ resource, readers: [reader] });
  logger.info({ otlpMetrics: { url: config.url, intervalMs: config.intervalMs } }, 'OTLP metrics export on');
  return {
    async shutdown() {
      try {
        await provider.shutdown({ timeoutMillis: SHUTDOWN_FLUSH_MS });
      } catch (error) {
        logger.warn({ err: error }, 'OTLP metrics: last export at shutdown did not finish');
      }
    },
  };
}

/** The SDK reports failed exports to its silent diag logger only: log the first failure and the recovery, once each. */
function loggingFailures(exporter: PushMetricExporter, logger: Logger): PushMetricExporter {
  let failing = false;
  return {
    export(metrics, resultCallback) {
      exporter.export(metrics, (result) => {
        const failed = result.code === ExportResultCode.FAILED;
        if (failed && !failing) logger.warn({ err: result.error }, 'OTLP metrics export failing');
        if (!failed && failing) logger.info('OTLP metrics export recovered');
        failing = failed;
        resultCallback(result);
      });
    },
    forceFlush: () => exporter.forceFlush(),
    shutdown: () => exporter.shutdown(),
    selectAggregationTemporality: exporter.selectAggregationTemporality?.bind(exporter),
    selectAggregation: exporter.selectAggregation?.bind(exporter),
  };
}
