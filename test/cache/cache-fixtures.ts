// Runs the cache suites serve, and a fake route that holds its answers until the test lets them go.
import type { ServerResponse } from 'node:http';
import { seedProcessRun } from '../../src/demo/fixtures';
import { json, metricSample, scrapeMetrics, type FakeUpstream } from '../harness';

export const RUN_QUERY = 'query Run($id: ID!) { processRun(id: $id) { id status name } }';

/** A run in `status`, with a name the test can change to see which answer was served. */
export function runIn(id: string, status: string, name = 'first') {
  return { ...seedProcessRun, id, status, name };
}

/** Serves `state.run` on its id, counting answers; the name read back tells which version a reader got. */
export function serveMutableRun(upstream: FakeUpstream, state: { run: ReturnType<typeof runIn> }): void {
  upstream.onRun(state.run.id, (_request, response) => json(response, 200, state.run));
}

/** A route whose answers wait until `release()`; `held` counts requests waiting. */
export function holdRun(upstream: FakeUpstream, run: { id: string }) {
  const waiting: ServerResponse[] = [];
  upstream.onRun(run.id, (_request, response) => {
    waiting.push(response);
  });
  return {
    get held() {
      return waiting.length;
    },
    release() {
      for (const response of waiting.splice(0)) json(response, 200, run);
    },
  };
}

/** One sample of the cache metrics on /metrics. */
export async function cacheMetric(
  gateway: { url: string },
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  return metricSample(await scrapeMetrics(gateway), name, labels);
}
