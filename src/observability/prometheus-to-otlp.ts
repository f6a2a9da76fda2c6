import { ValueType, type Attributes, type HrTime } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  type DataPoint,
  type Histogram,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import type { MetricObjectWithValues, MetricValue, MetricValueWithName } from 'prom-client';

type PromMetric = MetricObjectWithValues<MetricValue<string> | MetricValueWithName<string>>;
type PromValue = { value: number; labels: Partial<Record<string, string | number>>; metricName?: string };

/**
 * One prom-client metric (getMetricsAsJSON) as OpenTelemetry metric data, cumulative since `startTime`: counters
 * become monotonic sums without the `_total` suffix (the OTel–Prometheus compatibility rule), gauges gauges,
 * histograms histograms (per-bucket counts from Prometheus' cumulative `le` buckets), summaries their quantile gauge
 * plus `_sum`/`_count` sums.
 */
export function toOtelMetrics(metric: PromMetric, startTime: HrTime, endTime: HrTime): MetricData[] {
  const values = metric.values as PromValue[];
  const point = <T>(attributes: Attributes, value: T): DataPoint<T> => ({ startTime, endTime, attributes, value });
  const descriptor = (name: string) => ({ name, description: metric.help, unit: '', valueType: ValueType.DOUBLE });
  const sum = (name: string, points: PromValue[]): MetricData => ({
    descriptor: descriptor(name),
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.SUM,
    isMonotonic: true,
    dataPoints: points.map((value) => point(attributesOf(value.labels), value.value)),
  });
  const gauge = (name: string, points: PromValue[]): MetricData => ({
    descriptor: descriptor(name),
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.GAUGE,
    dataPoints: points.map((value) => point(attributesOf(value.labels), value.value)),
  });
  // prom-client's typings declare a numeric enum; at run time the type is the exposition's word ('counter', …).
  switch (metric.type as unknown as string) {
    case 'counter':
      return [sum(metric.name.replace(/_total$/, ''), values)];
    case 'gauge':
      return [gauge(metric.name, values)];
    case 'histogram':
      return [
        {
          descriptor: descriptor(metric.name),
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.HISTOGRAM,
          dataPoints: histogramPoints(metric.name, values).map(([attributes, histogram]) =>
            point(attributes, histogram),
          ),
        },
      ];
    case 'summary': {
      const named = (suffix: string) => values.filter((value) => value.metricName === `${metric.name}${suffix}`);
      return [
        gauge(
          metric.name,
          values.filter((value) => value.labels.quantile !== undefined),
        ),
        sum(`${metric.name}_sum`, named('_sum')),
        sum(`${metric.name}_count`, named('_count')),
      ];
    }
    default:
      return [];
  }
}

/** Groups a Prometheus histogram's `_bucket`/`_sum`/`_count` samples by their labels (without `le`). */
function histogramPoints(name: string, values: PromValue[]): Array<[Attributes, Histogram]> {
  const series = new Map<
    string,
    { attributes: Attributes; buckets: Array<[number, number]>; sum: number; count: number }
  >();
  for (const value of values) {
    const { le, ...labels } = value.labels;
    const attributes = attributesOf(labels);
    const key = JSON.stringify(Object.entries(attributes).sort());
    let entry = series.get(key);
    if (!entry) series.set(key, (entry = { attributes, buckets: [], sum: 0, count: 0 }));
    if (value.metricName === `${name}_bucket` && le !== undefined)
      entry.buckets.push([le === '+Inf' ? Infinity : Number(le), value.value]);
    else if (value.metricName === `${name}_sum`) entry.sum = value.value;
    else if (value.metricName === `${name}_count`) entry.count = value.value;
  }
  return [...series.values()].map(({ attributes, buckets, sum, count }) => {
    buckets.sort(([a], [b]) => a - b);
    const boundaries = buckets.map(([bound]) => bound).filter(Number.isFinite);
    // OTLP counts are per bucket (the last one above every boundary); Prometheus' are cumulative up to each `le`.
    const cumulative = [...boundaries.map((_, i) => buckets[i]![1]), count];
    const counts = cumulative.map((total, i) => total - (i === 0 ? 0 : cumulative[i - 1]!));
    return [attributes, { buckets: { boundaries, counts }, sum, count }];
  });
}

function attributesOf(labels: Partial<Record<string, string | number>>): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(labels)) if (value !== undefined) attributes[key] = value;
  return attributes;
}
