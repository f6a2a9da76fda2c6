import { liveDemoRunAt, LIVE_DEMO_RUN_ID, LIVE_DEMO_STEPS } from '../../src/demo/fixtures/live-run';
import { MovingDemoRun } from '../../src/demo/moving-run';
import type { RunningGateway } from '../../src/server/start-gateway';
import { startDemoGateway } from '../fixtures/demo-gateway';
import { createLiveClient } from '../harness';

describe('the live demo run', () => {
  it('moves one job per step from the first read, completes, and starts over once its completion was seen', () => {
    let now = 0;
    const run = new MovingDemoRun(3_000, () => now);
    const seen = (at: number) => {
      now = at;
      const current = run.read();
      return [current.revision, current.status];
    };
    expect(seen(0)).toEqual([1, 'running']);
    expect(seen(2_999)).toEqual([1, 'running']);
    expect(seen(3_000)).toEqual([2, 'running']);
    expect(seen(3_000 * LIVE_DEMO_STEPS)).toEqual([1 + LIVE_DEMO_STEPS, 'complete']);
    expect(seen(3_000 * LIVE_DEMO_STEPS + 10)).toEqual([1, 'running']);
    expect(liveDemoRunAt(LIVE_DEMO_STEPS).root.children!.every((child) => child.jobRun!.status === 'complete')).toBe(true);
  });

  describe('npm start (embedded demo upstream)', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await startDemoGateway({ LIVE_POLL_INTERVAL_MS: '1000' });
    });
    afterAll(() => gateway?.shutdown());

    it(`processRunUpdated(${LIVE_DEMO_RUN_ID}) emits the run moving, then completes`, async () => {
      const client = createLiveClient(gateway, 'sse', { authorization: null });
      try {
        const watch = client.subscribe<{ processRunUpdated: { status: string; revision: number } }>(
          `subscription { processRunUpdated(id: "${LIVE_DEMO_RUN_ID}") { status revision } }`,
        );
        // About LIVE_DEMO_STEPS × 3 s of demo clock; the wait is generous for a loaded machine.
        await watch.waitForEnd(60_000);
        expect(watch.completed).toBe(true);
        const revisions = watch.events.map((event) => event.data!.processRunUpdated.revision);
        expect(revisions.length).toBeGreaterThanOrEqual(2);
        expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
        expect(watch.events.at(-1)!.data!.processRunUpdated).toEqual({ status: 'COMPLETE', revision: 1 + LIVE_DEMO_STEPS });
      } finally {
        await client.close();
      }
    }, 90_000);
  });
});
