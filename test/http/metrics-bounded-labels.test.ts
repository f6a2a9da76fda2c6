// Caller-chosen operation names must not grow /metrics: only the first METRICS_MAX_OPERATION_NAMES get series.
import { OperationNameLabels } from '../../src/observability/operation-name-labels';
import { readFileSync } from 'node:fs';
import { seedProcessRun } from '../../src/demo/fixtures';
import { imageNodeOptions } from '../harness/image-node-options';
import { Inspector } from '../harness/inspector';
import {
  FakeUpstream,
  json,
  postGraphQL,
  scrapeMetrics,
  spawnGateway,
  killSpawned,
  useBuiltEntryPoint,
  withGateway,
  type SpawnedGateway,
} from '../harness';

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

/** Resident set size of a process, from /proc (Linux: CI and the image). */
function residentBytes(pid: number): number {
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kib === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

const MiB = 1024 * 1024;
// The documented bound (docs/observability.md): settled RSS from the warm-up's end to the 10,000th distinct name and
// id, i.e. under ~0.5 KB per request; kept state costs more (an unbounded name label ~1.3 KB, a cached run ~3 KB).
const DOCUMENTED_MAX_RSS_GROWTH_BYTES = 4 * MiB;
// The warm-up fills pools, the parse cache (1,024 documents) and the answer cache (4 MiB: ~1,700 runs of this fake).
const WARM_UP_REQUESTS = 2_000;
const CACHE_MAX_BYTES = 4 * MiB;

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

  describe("the real entry point with the image's Node flags", () => {
    useBuiltEntryPoint();
    let upstream: FakeUpstream | undefined;
    let gateway: SpawnedGateway | undefined;
    let inspector: Inspector | undefined;
    afterAll(async () => {
      inspector?.close();
      await killSpawned(gateway);
      await upstream?.stop();
    });

    it('with the default (200 names), 10,000 distinct names and run ids: /metrics under the documented size, RSS flat', async () => {
      upstream = await new FakeUpstream().start();
      // Any run id is a finished run (the longest-kept kind); neither side's records are kept, so only the gateway grows.
      upstream.onAny((request, response) => {
        upstream!.requests.length = 0;
        if (gateway) gateway.logs.length = 0;
        json(response, 200, { ...seedProcessRun, id: request.path.split('/').pop(), status: 'complete' });
      });
      gateway = await spawnGateway({
        UPSTREAM_BASE_URL: upstream.url,
        UPSTREAM_CACHE_MAX_BYTES: String(CACHE_MAX_BYTES),
        // The inspector only to collect garbage before each reading (test/harness/inspector.ts).
        NODE_OPTIONS: `${imageNodeOptions()!} --inspect=127.0.0.1:0`,
      });
      inspector = await Inspector.attach(gateway.child);
      // Unsettled, RSS also holds garbage and freed pages V8 keeps pooled: 9-12 MiB of noise over this run (measured).
      const settledRss = async () => {
        await inspector!.collectGarbage();
        return residentBytes(gateway!.child.pid!);
      };
      const target = { url: gateway.url };
      const curve: Array<[number, number]> = [];
      for (let sent = 0; sent < 10_000; sent += 1_000) {
        await sendDistinctNames(target, sent, sent + 1_000, true);
        curve.push([sent + 1_000, await settledRss()]);
      }
      const rssAt = (requests: number) => curve.find(([sent]) => sent === requests)![1];
      const growth = rssAt(10_000) - rssAt(WARM_UP_REQUESTS);
      const shown = curve.map(([sent, rss]) => `${sent}: ${(rss / MiB).toFixed(1)} MiB`).join(', ');
      const metrics = await scrapeMetrics(target);
      expect(operationNames(metrics).size).toBe(201);
      expect(metrics.length).toBeLessThan(DOCUMENTED_MAX_METRICS_BYTES);
      // The curve goes into the failure: where RSS grew says which state did.
      if (growth >= DOCUMENTED_MAX_RSS_GROWTH_BYTES)
        throw new Error(
          `Settled RSS grew ${(growth / MiB).toFixed(1)} MiB after the warm-up (bound ${DOCUMENTED_MAX_RSS_GROWTH_BYTES / MiB} MiB): ${shown}`,
        );
    }, 240_000);
  });

  it('with trusted documents, only their names are labelled', () => {
    const labels = new OperationNameLabels(200, new Set(['RunJobs']));
    expect([labels.label('RunJobs'), labels.label('Invented'), labels.label('Anonymous')]).toEqual([
      'RunJobs',
      'other',
      'Anonymous',
    ]);
  });
});
