import {
  createLiveClient,
  execute,
  expectOnlyError,
  faults,
  json,
  type LiveTransport,
  useGateway,
  waitFor,
  withGateway,
} from '../harness';
import { LIVE_TEST_ENV, MovingRun, WATCH_RUN, type WatchedRun } from './live-fixtures';

const codesOf = (events: Array<{ errors?: Array<{ extensions?: Record<string, any> }> }>) =>
  events.flatMap((event) => (event.errors ?? []).map((error) => error.extensions?.code));

describe.each<LiveTransport>(['sse', 'ws', 'multipart'])('processRunUpdated endings over %s', (transport) => {
  // One attempt per poll: the backoff seen at the fake is the poller's, not the client's own retries.
  const t = useGateway({ env: { ...LIVE_TEST_ENV, UPSTREAM_MAX_ATTEMPTS: '1', UPSTREAM_BREAKER_THRESHOLD: '0' } });
  // Every test closes its clients; their loops must be gone before the next test reuses the run id.
  afterEach(() => waitFor(() => t.gateway.app.live.registry.activePollers === 0, 'no poll loop left'));

  it.each([
    [404, 'NOT_FOUND'],
    [403, 'FORBIDDEN'],
    [401, 'UNAUTHENTICATED'],
  ])('upstream %i at start ends it with %s, like processRun', async (status, code) => {
    t.upstream.onRun('gone', faults.status(status, { code: String(status), message: 'no' }));
    const client = createLiveClient(t.gateway, transport);
    try {
      const watch = client.subscribe<WatchedRun>(WATCH_RUN, { id: 'gone' });
      await watch.waitForEnd();
      expect(watch.completed).toBe(true);
      expect(watch.events).toHaveLength(1);
      expect(watch.events[0]!.data).toBeNull();
      expect(codesOf(watch.events)).toEqual([code]);
      expectOnlyError(await execute(t.gateway, 'query { processRun(id: "gone") { id } }'), code);
    } finally {
      await client.close();
    }
  });

  it('a run that disappears while watched: its events, then NOT_FOUND, then completion', async () => {
    const run = new MovingRun();
    let gone = false;
    t.upstream.onRun(run.current.id, (_request, response) =>
      gone ? json(response, 404, { code: '404', message: 'gone' }) : json(response, 200, run.current),
    );
    const client = createLiveClient(t.gateway, transport);
    try {
      const watch = client.subscribe<WatchedRun>(WATCH_RUN, { id: run.current.id });
      await watch.waitForEvents(1);
      gone = true;
      await watch.waitForEnd();
      expect(watch.completed).toBe(true);
      expect(watch.events[0]!.data!.processRunUpdated.revision).toBe(1);
      expect(codesOf(watch.events)).toEqual(['NOT_FOUND']);
    } finally {
      await client.close();
    }
  });

  it.each([
    [429, 'RATE_LIMITED'],
    [503, 'UPSTREAM_UNAVAILABLE'],
  ])('upstream %i with Retry-After: the poller waits at least that long, then carries on', async (status) => {
    const run = new MovingRun();
    const arrivals: number[] = [];
    let failNext = false;
    t.upstream.onRun(run.current.id, (_request, response) => {
      arrivals.push(performance.now());
      if (failNext) {
        failNext = false;
        json(response, status, { code: String(status), message: 'slow down' }, { 'retry-after': '1' });
        return;
      }
      json(response, 200, run.current);
    });
    const client = createLiveClient(t.gateway, transport);
    try {
      const watch = client.subscribe<WatchedRun>(WATCH_RUN, { id: run.current.id });
      await watch.waitForEvents(1);
      failNext = true;
      await waitFor(() => !failNext, 'the failing answer was served');
      const failedAt = arrivals.length - 1;
      run.advance();
      const events = await watch.waitForEvents(2);
      expect(events[1]!.data!.processRunUpdated.revision).toBe(2);
      expect(watch.completed).toBe(false);
      // Retry-After: 1 → the next poll comes no sooner than 1 s later (a lower bound: a slow machine only adds to it).
      expect(arrivals[failedAt + 1]! - arrivals[failedAt]!).toBeGreaterThanOrEqual(990);
      expect(codesOf(watch.events)).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('an upstream down for longer than LIVE_MAX_UPSTREAM_DOWN_MS ends it with UPSTREAM_UNAVAILABLE', async () => {
    await withGateway(
      { ...LIVE_TEST_ENV, UPSTREAM_MAX_ATTEMPTS: '1', LIVE_MAX_UPSTREAM_DOWN_MS: '300' },
      async (gateway) => {
        const run = new MovingRun();
        let down = false;
        gateway.upstream.onRun(run.current.id, (_request, response) =>
          down ? json(response, 503, { code: '503', message: 'down' }) : json(response, 200, run.current),
        );
        const client = createLiveClient(gateway, transport);
        try {
          const watch = client.subscribe<WatchedRun>(WATCH_RUN, { id: run.current.id });
          await watch.waitForEvents(1);
          down = true;
          await watch.waitForEnd();
          expect(watch.completed).toBe(true);
          expect(codesOf(watch.events)).toEqual(['UPSTREAM_UNAVAILABLE']);
          // It waited the failures out for a while before giving up: more than one failed poll.
          expect(gateway.upstream.runRequests.length).toBeGreaterThanOrEqual(3);
        } finally {
          await client.close();
        }
      },
    );
  });

  it('an invalid id is refused with BAD_USER_INPUT before any upstream call', async () => {
    const client = createLiveClient(t.gateway, transport);
    try {
      const watch = client.subscribe<WatchedRun>(WATCH_RUN, { id: '' });
      await watch.waitForEnd();
      expect(codesOf(watch.events)).toEqual(['BAD_USER_INPUT']);
      expect(t.upstream.runRequests).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
