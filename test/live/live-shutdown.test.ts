import { createLiveClient, killSpawned, spawnGateway, useBuiltEntryPoint, useFakeUpstream } from '../harness';
import { LIVE_SPAWNED_ENV, MovingRun, WATCH_RUN } from './live-fixtures';

describe('processRunUpdated on SIGTERM', () => {
  useBuiltEntryPoint();
  const fake = useFakeUpstream();

  it('every open subscription completes (SSE, WebSocket and multipart), then the drain finishes and the process exits 0', async () => {
    const upstream = fake.upstream;
    const run = new MovingRun().serveOn(upstream);
    const gateway = await spawnGateway({
      ...LIVE_SPAWNED_ENV,
      UPSTREAM_BASE_URL: upstream.url,
      SHUTDOWN_GRACE_MS: '10000',
    });
    const sse = createLiveClient(gateway, 'sse');
    const ws = createLiveClient(gateway, 'ws');
    const multipart = createLiveClient(gateway, 'multipart');
    try {
      const watches = [
        sse.subscribe(WATCH_RUN, { id: run.current.id }),
        ws.subscribe(WATCH_RUN, { id: run.current.id }),
        ws.subscribe(WATCH_RUN, { id: run.current.id }),
        multipart.subscribe(WATCH_RUN, { id: run.current.id }),
      ];
      await Promise.all(watches.map((watch) => watch.waitForEvents(1)));
      gateway.child.kill('SIGTERM');
      await Promise.all(watches.map((watch) => watch.waitForEnd()));
      for (const watch of watches) {
        expect(watch.completed).toBe(true);
        expect(watch.failure).toBeUndefined();
        expect(watch.events.every((event) => event.errors === undefined)).toBe(true);
      }
      // Exit 0: the drain was clean — no WebSocket or event stream held it until the grace period ran out.
      expect(await gateway.exited).toBe(0);
      expect(gateway.logs.some((entry) => entry.msg === 'shutdown complete')).toBe(true);
    } finally {
      await killSpawned(gateway);
      await sse.close();
      await ws.close();
      await multipart.close();
    }
  });
});
