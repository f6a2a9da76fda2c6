// A processRun read for a run a live poll loop is polling (same credential, same excludeGeneratedJobs) is answered
// from the loop's newest answer while it is younger than the TTL: no upstream call of its own.
import { MovingRun, WATCH_RUN } from '../live/live-fixtures';
import { createLiveClient, execute, expectNoErrors, useGateway, waitFor } from '../harness';

const CACHE_INFO = { 'x-gateway-cache-info': 'true' };
const READ = 'query Read($id: ID!) { processRun(id: $id) { id revision } }';

describe('answer cache – live snapshots serve reads', () => {
  const t = useGateway({
    env: { LIVE_POLL_INTERVAL_MS: '200', LIVE_MAX_POLL_INTERVAL_MS: '200', UPSTREAM_CACHE_TTL_MS: '60000' },
  });
  afterEach(() => waitFor(() => t.gateway.app.live.registry.activePollers === 0, 'no poll loop left'));

  it('a read of a watched run is the loop’s newest snapshot (tier live), with no upstream call; other credentials and variants still call', async () => {
    const run = new MovingRun('run-watched').serveOn(t.upstream);
    const client = createLiveClient(t.gateway, 'sse');
    try {
      const watch = client.subscribe(WATCH_RUN, { id: run.current.id });
      await watch.waitForEvents(1);
      run.advance();
      await watch.waitForEvents(2);
      const sentBy = (requestId: string) =>
        t.upstream.runRequests.filter((request) => request.headers['x-request-id'] === requestId);

      const read = await execute(
        t.gateway,
        READ,
        { id: run.current.id },
        { headers: { ...CACHE_INFO, 'x-request-id': 'snapshot-read' } },
      );
      expect(read.body.data).toEqual({ processRun: { id: 'run-watched', revision: 2 } });
      expect(read.body.extensions?.cache).toEqual({ age: expect.any(Number), tier: 'live' });
      expect(sentBy('snapshot-read')).toHaveLength(0);

      const other = await execute(
        t.gateway,
        READ,
        { id: run.current.id },
        { headers: { authorization: 'Bearer other-caller-9', 'x-request-id': 'other-credential' } },
      );
      expectNoErrors(other);
      expect(sentBy('other-credential')).toHaveLength(1);
      expectNoErrors(
        await execute(t.gateway, '{ processRun(id: "run-watched", excludeGeneratedJobs: true) { id } }', undefined, {
          headers: { 'x-request-id': 'other-variant' },
        }),
      );
      expect(sentBy('other-variant')).toHaveLength(1);

      run.finish();
      await watch.waitForEnd();
    } finally {
      await client.close();
    }
  });
});
