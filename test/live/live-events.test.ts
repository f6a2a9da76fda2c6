import { createLiveClient, type LiveTransport, useGateway, waitFor } from '../harness';
import { LIVE_TEST_ENV, MovingRun, WATCH_RUN, type WatchedRun } from './live-fixtures';

describe.each<LiveTransport>(['sse', 'ws', 'multipart'])('processRunUpdated over %s', (transport) => {
  const t = useGateway({ env: LIVE_TEST_ENV });
  // Every test closes its clients; their loops must be gone before the next test reuses the run id.
  afterEach(() => waitFor(() => t.gateway.app.live.registry.activePollers === 0, 'no poll loop left'));

  it('first event is the run now; then one event per change, none while unchanged; completes after the terminal status', async () => {
    const run = new MovingRun().serveOn(t.upstream);
    const client = createLiveClient(t.gateway, transport);
    try {
      const watch = client.subscribe<WatchedRun>(WATCH_RUN, { id: run.current.id });
      const [first] = await watch.waitForEvents(1);
      expect(first).toEqual({
        data: { processRunUpdated: expect.objectContaining({ id: run.current.id, status: 'RUNNING', revision: 1 }) },
      });

      // Several polls of an unchanged run: still one event.
      const seen = t.upstream.runRequests.length;
      await waitFor(() => t.upstream.runRequests.length >= seen + 4, '4 more polls');
      expect(watch.events).toHaveLength(1);

      run.advance();
      const second = (await watch.waitForEvents(2))[1]!;
      expect(second.data!.processRunUpdated.revision).toBe(2);
      expect(second.data!.processRunUpdated.jobs).not.toEqual(first!.data!.processRunUpdated.jobs);

      // The same revision with different content is a change too.
      run.touchWithoutRevision();
      expect((await watch.waitForEvents(3))[2]!.data!.processRunUpdated.revision).toBe(2);

      run.finish();
      await watch.waitForEnd();
      expect(watch.completed).toBe(true);
      expect(watch.failure).toBeUndefined();
      expect(watch.events.map((event) => event.data?.processRunUpdated.status)).toEqual([
        'RUNNING',
        'RUNNING',
        'RUNNING',
        'COMPLETE',
      ]);
      expect(watch.events.every((event) => event.errors === undefined)).toBe(true);
      await waitFor(
        () => t.gateway.app.live.registry.activePollers === 0,
        'the poller stops after the terminal status',
      );
    } finally {
      await client.close();
    }
  });
});
