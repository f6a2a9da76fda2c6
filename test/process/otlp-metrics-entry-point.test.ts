import { spawnSync } from 'node:child_process';
import { seedProcessRun } from '../../src/demo/fixtures';
import { ENTRY_POINT, useBuiltEntryPoint, withSpawnedGateway } from '../harness';
import { otlpAttributesOf, otlpMetricsOf, startOtlpReceiver, type OtlpPost } from '../harness/otlp-receiver';

// The in-process suite (test/http/otlp-metrics-export.test.ts) runs the exporter through Jest's transform; this one
// loads it as production does, from dist/ on plain Node.
describe('OTLP metrics export – the real entry point', () => {
  useBuiltEntryPoint();

  it('an unknown OTEL_METRICS_EXPORTER stops the start with one line and exit 2', () => {
    const result = spawnSync(process.execPath, [ENTRY_POINT], {
      env: { PATH: process.env.PATH, OTEL_METRICS_EXPORTER: 'prometheus' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: OTEL_METRICS_EXPORTER must be one of none, otlp, got "prometheus"',
    ]);
  });

  it('OTEL_METRICS_EXPORTER=otlp: node dist/index.js pushes the operation counter to the receiver', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const env = {
        DEMO_UPSTREAM: 'true',
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_TRACES_EXPORTER: 'none',
        OTEL_METRIC_EXPORT_INTERVAL: '100',
      };
      await withSpawnedGateway(env, async (gateway) => {
        const response = await fetch(`${gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `query Seed { processRun(id: "${seedProcessRun.id}") { id } }` }),
        });
        expect(await response.json()).toEqual({ data: { processRun: { id: seedProcessRun.id } } });
        const seedCount = (post: OtlpPost) =>
          otlpMetricsOf(post)
            .find((metric) => metric.name === 'graphql_envelop_request')
            ?.sum.dataPoints.find((point: any) => otlpAttributesOf(point).operationName === 'Seed')?.asDouble;
        await receiver.waitFor((post) => post.path === '/v1/metrics' && seedCount(post) === 1);
      });
      // OTEL_TRACES_EXPORTER=none: the shared endpoint got metrics only.
      expect(new Set(receiver.posts.map((post) => post.path))).toEqual(new Set(['/v1/metrics']));
    } finally {
      receiver.close();
    }
  });
});
