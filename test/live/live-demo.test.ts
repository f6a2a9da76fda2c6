import { LIVE_DEMO_RUN_ID, LIVE_DEMO_STEPS } from '../../src/demo/fixtures/live-run';
import { createDemoProcessStore } from '../../src/demo/demo-writes';
import { createLiveClient, useDemoGateway } from '../harness';

describe('the live demo run', () => {
  // The demo store's own timers (the ones runProcess-started runs advance on), driven by Jest's fake clock.
  afterEach(() => jest.useRealTimers());

  it('moves one job per step from the first read (the advancing of started runs), completes, and starts over once its completion was seen', () => {
    jest.useFakeTimers();
    const store = createDemoProcessStore({ advanceEveryMs: 3_000 });
    try {
      const seen = () => {
        const run = store.readRun(LIVE_DEMO_RUN_ID)!;
        return [run.revision, run.status];
      };
      jest.advanceTimersByTime(60_000); // nothing moves before the first read
      expect(seen()).toEqual([1, 'running']);
      jest.advanceTimersByTime(2_999);
      expect(seen()).toEqual([1, 'running']);
      jest.advanceTimersByTime(1);
      expect(seen()).toEqual([2, 'running']);
      jest.advanceTimersByTime(3_000 * (LIVE_DEMO_STEPS - 1));
      expect(seen()).toEqual([1 + LIVE_DEMO_STEPS, 'complete']);
      const complete = store.runs.get(LIVE_DEMO_RUN_ID)!;
      expect(complete.root.children!.every((child) => child.jobRun!.status === 'complete')).toBe(true);
      expect(complete.statusCounts).toEqual({ Completed: LIVE_DEMO_STEPS });
      expect(seen()).toEqual([1, 'running']);
    } finally {
      store.close();
    }
  });

  it('a watcher arriving after a cycle completed unwatched (its watchers left) starts a new cycle', () => {
    jest.useFakeTimers();
    const store = createDemoProcessStore({ advanceEveryMs: 3_000 });
    try {
      const seen = () => {
        const run = store.readRun(LIVE_DEMO_RUN_ID)!;
        return [run.revision, run.status];
      };
      expect(seen()).toEqual([1, 'running']);
      // The first watcher leaves; the cycle completes with nobody reading.
      jest.advanceTimersByTime(3_000 * LIVE_DEMO_STEPS);
      expect(store.runs.get(LIVE_DEMO_RUN_ID)!.status).toBe('complete');
      // A watcher still polling would have read the completion by now; the newcomer sees the run move again.
      jest.advanceTimersByTime(10_001);
      expect(seen()).toEqual([1, 'running']);
      jest.advanceTimersByTime(3_000);
      expect(seen()).toEqual([2, 'running']);
    } finally {
      store.close();
    }
  });

  it('a watcher still polling reads the completion of the cycle it watched', () => {
    jest.useFakeTimers();
    const store = createDemoProcessStore({ advanceEveryMs: 3_000 });
    try {
      const seen = () => {
        const run = store.readRun(LIVE_DEMO_RUN_ID)!;
        return [run.revision, run.status];
      };
      expect(seen()).toEqual([1, 'running']);
      jest.advanceTimersByTime(3_000 * LIVE_DEMO_STEPS + 5_000); // its next poll, 5 s (the default interval) later
      expect(seen()).toEqual([1 + LIVE_DEMO_STEPS, 'complete']);
    } finally {
      store.close();
    }
  });

  describe('npm start (embedded demo upstream)', () => {
    const demo = useDemoGateway({ LIVE_POLL_INTERVAL_MS: '1000' });

    it(`processRunUpdated(${LIVE_DEMO_RUN_ID}) emits the run moving, then completes`, async () => {
      const client = createLiveClient(demo.gateway, 'sse', { authorization: null });
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
        expect(watch.events.at(-1)!.data!.processRunUpdated).toEqual({
          status: 'COMPLETE',
          revision: 1 + LIVE_DEMO_STEPS,
        });
      } finally {
        await client.close();
      }
    }, 90_000);
  });
});
