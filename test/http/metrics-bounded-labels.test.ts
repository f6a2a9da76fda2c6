// Caller-chosen operation names must not grow /metrics: only the first METRICS_MAX_OPERATION_NAMES get series.
import { OperationNameLabels } from '../../src/observability/operation-name-labels';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { seedProcessRun } from '../../src/demo/fixtures';
import { json, postGraphQL, scrapeMetrics, withGateway, type HarnessGateway } from '../harness';

/** Distinct operationName label values on the operation counter. */
function operationNames(metrics: string): Set<string> {
  return new Set(
    [...metrics.matchAll(/^graphql_envelop_request\{[^}]*operationName="([^"]*)"/gm)].map((match) => match[1]!),
  );
}

/** Each request a new operation name; with `ids`, also a new processRun id, so every per-id state sees it. */
async function sendDistinctNames(gateway: { url: string }, from: number, to: number, ids = false): Promise<void> {
  const CONCURRENCY = 16;
  let next = from;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < to) {
        const i = next++;
        const name = `Op${i}x${Math.random().toString(36).slice(2)}`;
        const selection = ids ? `processRun(id: "run-${i}") { id }` : '__typename';
        const result = await postGraphQL(gateway, { query: `query ${name} { ${selection} }` });
        if (result.status !== 200 || result.body.errors)
          throw new Error(`Op${i}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
      }
    }),
  );
}

/** The fake answers any run id with a finished run (the longest-kept kind); the harness's own records are dropped. */
function serveAnyRun(gateway: HarnessGateway): void {
  gateway.upstream.onAny((request, response) => {
    gateway.upstream.requests.length = 0;
    gateway.logs.lines.length = 0;
    json(response, 200, { ...seedProcessRun, id: request.path.split('/').pop(), status: 'complete' });
  });
}

// V8 collects lazily: garbage would count as growth, so every reading comes after a full collection.
const collectGarbage = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
// The gateway runs in this process, so its memory is this process's. Live JS heap, not RSS: in-process RSS grew ~100-150 MiB over 9,000 requests with or without distinct ids while
// the live heap stayed flat; that growth is not yet explained, so it is not asserted here.
function settledLiveHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

// The documented bounds (docs/observability.md), from the warm-up's end to the 10,000th distinct name and id.
const DOCUMENTED_MAX_LIVE_HEAP_GROWTH_BYTES = 16 * 1024 * 1024;
// Small so the answer cache's own bound (UPSTREAM_CACHE_MAX_BYTES) is reached well before the 10,000th run.
const CACHE_MAX_BYTES = 4 * 1024 * 1024;

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

  it('with the default (200 names), 10,000 distinct names and run ids: /metrics under the documented size, live heap bounded', async () => {
    await withGateway({ UPSTREAM_CACHE_MAX_BYTES: String(CACHE_MAX_BYTES) }, async (gateway) => {
      serveAnyRun(gateway);
      // The warm-up fills pools, caches and the JIT.
      await sendDistinctNames(gateway, 0, 1_000, true);
      const warm = settledLiveHeap();
      await sendDistinctNames(gateway, 1_000, 10_000, true);
      const after = settledLiveHeap();
      const metrics = await scrapeMetrics(gateway);
      expect(operationNames(metrics).size).toBe(201);
      expect(metrics.length).toBeLessThan(DOCUMENTED_MAX_METRICS_BYTES);
      expect(after - warm).toBeLessThan(DOCUMENTED_MAX_LIVE_HEAP_GROWTH_BYTES);
    });
  }, 240_000);

  it('with trusted documents, only their names are labelled', () => {
    const labels = new OperationNameLabels(200, new Set(['RunJobs']));
    expect([labels.label('RunJobs'), labels.label('Invented'), labels.label('Anonymous')]).toEqual([
      'RunJobs',
      'other',
      'Anonymous',
    ]);
  });
});
