import { hrTime } from '@opentelemetry/core';
import { DataPointType } from '@opentelemetry/sdk-metrics';
import { Histogram, Registry, Summary } from 'prom-client';
import { seedProcessRun } from '../../src/demo/fixtures';
import { toOtelMetrics } from '../../src/observability/prometheus-to-otlp';
import { RunDocument } from '../generated/graphql';
import { execute, TEST_TOKEN, withGateway, type FakeUpstream, type TestGateway } from '../harness';
import {
  otlpAttributesOf as attributesOf,
  otlpMetricsOf as metricsOf,
  startOtlpReceiver,
  type OtlpPost as Post,
  type OtlpReceiver,
} from '../harness/otlp-receiver';

const runCounterPoint = (post: Post) =>
  metricsOf(post)
    .find((metric) => metric.name === 'graphql_envelop_request')
    ?.sum.dataPoints.find((point: any) => attributesOf(point).operationName === 'Run');

describe('OTLP metrics export – the /metrics registry pushed over OTLP/HTTP JSON', () => {
  let receiver: OtlpReceiver;
  beforeEach(async () => {
    receiver = await startOtlpReceiver();
  });
  afterEach(() => receiver.close());

  it('OTEL_METRICS_EXPORTER=otlp: the receiver gets the operation counter after a query, periodically', async () => {
    const post = await withGateway(
      {
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${receiver.url}/v1/metrics`,
        OTEL_METRIC_EXPORT_INTERVAL: '100',
        OTEL_SERVICE_NAME: 'gw-otlp-test',
        OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json',
      },
      async (gateway) => {
        const response = await execute(
          gateway,
          RunDocument,
          { id: seedProcessRun.id },
          { headers: { authorization: TEST_TOKEN } },
        );
        expect(response.body.errors).toBeUndefined();
        // Awaited while the gateway runs: the periodic export sends it, not only the flush at shutdown.
        return receiver.waitFor(
          (candidate) => candidate.path === '/v1/metrics' && runCounterPoint(candidate)?.asDouble === 1,
        );
      },
      { upstream: (upstream: FakeUpstream) => upstream.serveRun(seedProcessRun) },
    );
    expect(post.contentType).toBe('application/json');
    expect(attributesOf(post.body.resourceMetrics[0].resource)['service.name']).toBe('gw-otlp-test');
    const counter = metricsOf(post).find((metric) => metric.name === 'graphql_envelop_request');
    expect(counter.sum).toMatchObject({ isMonotonic: true, aggregationTemporality: 2 });
    expect(attributesOf(runCounterPoint(post))).toEqual({ operationName: 'Run', operationType: 'query' });
    // A counter named *_total in Prometheus loses the suffix in OTLP (the collector's Prometheus exporter adds it back).
    expect(metricsOf(post).map((metric) => metric.name)).toEqual(
      expect.arrayContaining([
        'gateway_upstream_request_duration_seconds',
        'graphql_envelop_request_duration',
        'process_cpu_user_seconds',
      ]),
    );
    const duration = metricsOf(post).find((metric) => metric.name === 'graphql_envelop_request_duration').histogram
      .dataPoints[0];
    expect(attributesOf(duration)).toEqual({ operationName: 'Run', operationType: 'query' });
    expect(duration.bucketCounts.map(Number).reduce((a: number, b: number) => a + b, 0)).toBe(Number(duration.count));
  });

  it('by default nothing is sent to /v1/metrics, even with an OTLP endpoint that receives the traces', async () => {
    await withGateway(
      { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_METRIC_EXPORT_INTERVAL: '100' },
      async (gateway) => {
        const response = await execute(
          gateway,
          RunDocument,
          { id: seedProcessRun.id },
          { headers: { authorization: TEST_TOKEN } },
        );
        expect(response.body.errors).toBeUndefined();
      },
      { upstream: (upstream: FakeUpstream) => upstream.serveRun(seedProcessRun) },
    );
    // Closing the gateway flushed its spans: the receiver was reachable and in use, and still got no metrics.
    expect(receiver.posts.map((post) => post.path)).toContain('/v1/traces');
    expect(receiver.posts.filter((post) => post.path === '/v1/metrics')).toEqual([]);
  });
});

describe('OTLP metrics export – a failing collector', () => {
  it('the first failed export is logged once, and the recovery once', async () => {
    // 500 (not retried by the exporter) for the first three exports, then 200.
    const receiver = await startOtlpReceiver((received) => (received <= 3 ? 500 : 200));
    try {
      const messages = await withGateway(
        {
          OTEL_METRICS_EXPORTER: 'otlp',
          OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${receiver.url}/v1/metrics`,
          OTEL_METRIC_EXPORT_INTERVAL: '100',
        },
        async (gateway) => {
          const otlpLines = () =>
            gateway.logs.entries.filter((entry) => /^OTLP metrics export (failing|recovered)$/.test(String(entry.msg)));
          await receiver.waitFor(() => otlpLines().some((entry) => entry.msg === 'OTLP metrics export recovered'));
          return otlpLines().map((entry) => [entry.level, entry.msg]);
        },
      );
      expect(receiver.posts.length).toBeGreaterThan(3);
      expect(messages).toEqual([
        [40, 'OTLP metrics export failing'],
        [30, 'OTLP metrics export recovered'],
      ]);
    } finally {
      receiver.close();
    }
  });

  it('a collector that never answers does not hold the shutdown for the 30 s export timeout', async () => {
    const receiver = await startOtlpReceiver(() => null);
    try {
      let logs: TestGateway['logs'] | undefined;
      // The default 60 s interval: the only export is the last one, at shutdown, and it hangs.
      await withGateway(
        { OTEL_METRICS_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${receiver.url}/v1/metrics` },
        async (gateway) => {
          logs = gateway.logs;
        },
      );
      // Reached only because close() gave up: the exporter's own timeout (30 s) is past this test's (20 s).
      expect(receiver.posts.map((post) => post.path)).toEqual(['/v1/metrics']);
      expect(
        logs!.entries
          .filter((entry) => entry.msg === 'OTLP metrics: last export at shutdown did not finish')
          .map((entry) => entry.level),
      ).toEqual([40]);
    } finally {
      receiver.close();
    }
  }, 20_000);
});

describe('OTLP metrics export – a Prometheus histogram becomes an OTLP histogram', () => {
  it('cumulative le buckets turn into per-bucket counts, labels into attributes', async () => {
    const registry = new Registry();
    const histogram = new Histogram({
      name: 'h_seconds',
      help: 'h',
      labelNames: ['endpoint'],
      buckets: [0.1, 1],
      registers: [registry],
    });
    for (const value of [0.05, 0.5, 0.7, 3]) histogram.observe({ endpoint: 'getProcessRun' }, value);
    const [metric] = await registry.getMetricsAsJSON();
    const [data] = toOtelMetrics(metric!, hrTime(), hrTime());
    expect(data).toMatchObject({
      descriptor: { name: 'h_seconds', description: 'h' },
      dataPointType: DataPointType.HISTOGRAM,
    });
    expect(data!.dataPoints.map((point) => [point.attributes, point.value])).toEqual([
      [{ endpoint: 'getProcessRun' }, { buckets: { boundaries: [0.1, 1], counts: [1, 2, 1] }, sum: 4.25, count: 4 }],
    ]);
  });

  it('a summary becomes a quantile gauge plus _sum and _count sums', async () => {
    const registry = new Registry();
    const summary = new Summary({ name: 's_seconds', help: 's', percentiles: [0.5], registers: [registry] });
    for (const value of [1, 2, 3]) summary.observe(value);
    const [metric] = await registry.getMetricsAsJSON();
    const data = toOtelMetrics(metric!, hrTime(), hrTime());
    expect(
      data.map((item) => [
        item.descriptor.name,
        item.dataPointType,
        item.dataPoints.map((point) => [point.attributes, point.value]),
      ]),
    ).toEqual([
      ['s_seconds', DataPointType.GAUGE, [[{ quantile: 0.5 }, 2]]],
      ['s_seconds_sum', DataPointType.SUM, [[{}, 6]]],
      ['s_seconds_count', DataPointType.SUM, [[{}, 3]]],
    ]);
  });
});
