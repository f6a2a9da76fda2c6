import { createLiveClient, execute, expectOnlyError, json, waitFor, withGateway } from '../harness';
import { LIVE_TEST_ENV, MovingRun, sleep, WATCH_RUN } from './live-fixtures';

describe('processRunUpdated polls through the one upstream client', () => {
  it('UPSTREAM_RATE_LIMIT: polls spend the shared budget; once it is spent the loop waits (no error) and queries get RATE_LIMITED', async () => {
    await withGateway({ ...LIVE_TEST_ENV, UPSTREAM_RATE_LIMIT: '3/60s' }, async (gateway) => {
      const run = new MovingRun().serveOn(gateway.upstream);
      const client = createLiveClient(gateway, 'ws');
      try {
        const watch = client.subscribe(WATCH_RUN, { id: run.current.id });
        await watch.waitForEvents(1);
        await waitFor(() => gateway.upstream.runRequests.length === 3, 'the budget of 3 spent by polls');
        expectOnlyError(await execute(gateway, 'query { processRun(id: "other") { id } }'), 'RATE_LIMITED');
        await sleep(300); // several poll intervals: the loop is backing off, not polling past the budget (load only means fewer polls)
        expect(gateway.upstream.runRequests).toHaveLength(3);
        expect(watch.completed).toBe(false);
        expect(watch.events).toHaveLength(1);
      } finally {
        await client.close();
      }
    });
  });

  it('client-credentials mode: callers with different Authorization share one loop, polled with the gateway token', async () => {
    const env = { ...LIVE_TEST_ENV, UPSTREAM_CLIENT_ID: 'gateway-client', UPSTREAM_CLIENT_SECRET: 'gateway-secret' };
    await withGateway(
      env,
      async (gateway) => {
        const run = new MovingRun().serveOn(gateway.upstream);
        const alice = createLiveClient(gateway, 'sse', { authorization: 'Bearer alice' });
        const bob = createLiveClient(gateway, 'ws', { authorization: 'Bearer bob' });
        try {
          await Promise.all([
            alice.subscribe(WATCH_RUN, { id: run.current.id }).waitForEvents(1),
            bob.subscribe(WATCH_RUN, { id: run.current.id }).waitForEvents(1),
          ]);
          expect(gateway.app.live.registry.activePollers).toBe(1);
          await waitFor(() => gateway.upstream.runRequests.length >= 3, 'a few polls');
          expect(new Set(gateway.upstream.runRequests.map((request) => request.headers.authorization))).toEqual(
            new Set(['Bearer gateway-token']),
          );
        } finally {
          await alice.close();
          await bob.close();
        }
      },
      {
        upstream: (upstream) =>
          upstream.onPath('POST', '/oauth2/token', (_request, response) =>
            json(response, 200, { access_token: 'gateway-token', token_type: 'Bearer', expires_in: 3600 }),
          ),
      },
    );
  });
});
