// Caller-chosen operation names must not grow /metrics: only the first METRICS_MAX_OPERATION_NAMES get series.
import { OperationNameLabels } from '../../src/observability/operation-name-labels';
import { postGraphQL, scrapeMetrics, withGateway } from '../harness';

/** Distinct operationName label values on the operation counter. */
function operationNames(metrics: string): Set<string> {
  return new Set(
    [...metrics.matchAll(/^graphql_envelop_request\{[^}]*operationName="([^"]*)"/gm)].map((match) => match[1]!),
  );
}

async function sendDistinctNames(gateway: { url: string }, from: number, to: number): Promise<void> {
  const CONCURRENCY = 16;
  let next = from;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < to) {
        const i = next++;
        const result = await postGraphQL(gateway, {
          query: `query Op${i}x${Math.random().toString(36).slice(2)} { __typename }`,
        });
        if (result.status !== 200) throw new Error(`Op${i}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
      }
    }),
  );
}

// The documented ceiling (docs/observability.md): with the default 200 names, /metrics stays under 1 MB (about 0.7 MB measured).
const DOCUMENTED_MAX_METRICS_BYTES = 1_000_000;

describe('/metrics – bounded operation-name labels', () => {
  it('2,000 distinct operation names: the first METRICS_MAX_OPERATION_NAMES are labelled, the rest are "other", /metrics stops growing', async () => {
    await withGateway({ METRICS_MAX_OPERATION_NAMES: '50' }, async (gateway) => {
      await sendDistinctNames(gateway, 0, 60);
      const early = await scrapeMetrics(gateway);
      expect(operationNames(early).size).toBe(51); // 50 names and "other"
      expect(operationNames(early).has('other')).toBe(true);
      await sendDistinctNames(gateway, 60, 2_000);
      const late = await scrapeMetrics(gateway);
      expect(operationNames(late)).toEqual(operationNames(early));
      const seriesOf = (text: string) => text.split('\n').filter((line) => line.startsWith('graphql_')).length;
      expect(seriesOf(late)).toBe(seriesOf(early));
      expect(late).toMatch(/^graphql_envelop_request\{operationName="other",operationType="query"\} 1950$/m);
    });
  }, 120_000);

  it('with the default (200 names), 10,000 distinct names keep /metrics under the documented size', async () => {
    await withGateway({}, async (gateway) => {
      await sendDistinctNames(gateway, 0, 10_000);
      const metrics = await scrapeMetrics(gateway);
      expect(operationNames(metrics).size).toBe(201);
      expect(metrics.length).toBeLessThan(DOCUMENTED_MAX_METRICS_BYTES);
    });
  }, 180_000);

  it('with trusted documents, only their names are labelled', () => {
    const labels = new OperationNameLabels(200, new Set(['RunJobs']));
    expect([labels.label('RunJobs'), labels.label('Invented'), labels.label('Anonymous')]).toEqual([
      'RunJobs',
      'other',
      'Anonymous',
    ]);
  });
});
