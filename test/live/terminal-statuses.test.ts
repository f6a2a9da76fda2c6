import { createLiveClient, execute, expectNoErrors, json, useGateway, waitFor } from '../harness';
import { LIVE_TEST_ENV, MovingRun, WATCH_RUN, type WatchedRun } from './live-fixtures';

// The upstream documents its cancelled status only as "can…": British and American spellings both end a run.
describe('cancelled in either spelling', () => {
  const t = useGateway({ env: LIVE_TEST_ENV });
  afterEach(() => waitFor(() => t.gateway.app.live.registry.activePollers === 0, 'no poll loop left'));

  it.each([
    ['complete', 'COMPLETE'],
    ['cancelled', 'CANCELLED'],
    ['canceled', 'CANCELLED'],
    ['Canceled', 'CANCELLED'],
  ])('processRunUpdated completes after status %s, reported as %s', async (upstreamStatus, status) => {
    const run = new MovingRun().serveOn(t.upstream);
    const client = createLiveClient(t.gateway, 'sse');
    try {
      const watch = client.subscribe<WatchedRun>(WATCH_RUN, { id: run.current.id });
      await watch.waitForEvents(1);
      run.finish(upstreamStatus);
      await watch.waitForEnd();
      expect(watch.completed).toBe(true);
      expect(watch.events.map((event) => event.data?.processRunUpdated.status)).toEqual(['RUNNING', status]);
      await waitFor(
        () => t.gateway.app.live.registry.activePollers === 0,
        'the poller stops after the terminal status',
      );
    } finally {
      await client.close();
    }
  });

  it('processRun maps canceled / Canceled / canceling to CANCELLED / CANCELLING, not UNKNOWN', async () => {
    const run = new MovingRun('canceled-run');
    const job = run.current.root.children![0]!.jobRun!;
    run.current = { ...run.current, status: 'canceled', root: { ...run.current.root, status: 'canceling' } };
    Object.assign(job, { status: 'canceled', actionStatus: 'Canceled' });
    t.upstream.onRun('canceled-run', (_request, response) => json(response, 200, run.current));
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `query { processRun(id: "canceled-run") { status root { status } jobs { status actionStatus } } }`,
      ),
    );
    expect(data.processRun.status).toBe('CANCELLED');
    expect(data.processRun.root.status).toBe('CANCELLING');
    expect(data.processRun.jobs[0]).toEqual({ status: 'CANCELLED', actionStatus: 'CANCELLED' });
  });
});
