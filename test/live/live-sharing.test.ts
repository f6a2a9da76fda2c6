import {
  createLiveClient,
  json,
  type LiveClient,
  type LiveTransport,
  scrapeMetrics,
  TEST_TOKEN,
  useGateway,
  waitFor,
  withGateway,
} from '../harness';
import { LIVE_TEST_ENV, MovingRun, sleep, WATCH_RUN, type WatchedRun } from './live-fixtures';

const codesOf = (events: Array<{ errors?: Array<{ extensions?: Record<string, any> }> }>) =>
  events.flatMap((event) => (event.errors ?? []).map((error) => error.extensions?.code));

describe('processRunUpdated: one poll loop per run and credential', () => {
  const t = useGateway({ env: LIVE_TEST_ENV });
  const clients: LiveClient[] = [];
  const client = (transport: LiveTransport, authorization?: string) => {
    const created = createLiveClient(t.gateway, transport, { authorization });
    clients.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await waitFor(() => t.gateway.app.live.registry.activePollers === 0, 'no poll loop left');
  });

  it('20 subscribers of one run with one credential (both transports) share one loop: one upstream request per change they all see', async () => {
    const run = new MovingRun().serveOn(t.upstream);
    const sse = client('sse');
    const ws = client('ws');
    const watches = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? sse : ws).subscribe<WatchedRun>(WATCH_RUN, { id: run.current.id }),
    );
    await Promise.all(watches.map((watch) => watch.waitForEvents(1)));
    expect(t.gateway.app.live.registry.activePollers).toBe(1);

    // From here every upstream answer is a new revision: with one loop, each request is an event every subscriber gets.
    const base = run.current.revision;
    const changes = 5;
    let served = 0;
    t.upstream.reset();
    t.upstream.onRun(run.current.id, (_request, response) => {
      served += 1;
      if (served < changes) run.advance();
      else if (served === changes) run.finish();
      json(response, 200, run.current);
    });
    await Promise.all(watches.map((watch) => watch.waitForEnd()));
    expect(t.upstream.runRequests).toHaveLength(changes);
    for (const watch of watches) {
      expect(watch.completed).toBe(true);
      const revisions = watch.events.map((event) => event.data!.processRunUpdated.revision);
      expect(revisions.slice(-changes)).toEqual(Array.from({ length: changes }, (_, i) => base + 1 + i));
    }
  });

  it('two credentials → two loops, each polling with its own Authorization', async () => {
    const run = new MovingRun().serveOn(t.upstream);
    const other = 'Bearer another-caller-token';
    const first = client('ws').subscribe(WATCH_RUN, { id: run.current.id });
    const second = client('sse', other).subscribe(WATCH_RUN, { id: run.current.id });
    await Promise.all([first.waitForEvents(1), second.waitForEvents(1)]);
    expect(t.gateway.app.live.registry.activePollers).toBe(2);
    await waitFor(() => t.upstream.runRequests.length >= 6, 'a few polls');
    expect(new Set(t.upstream.runRequests.map((request) => request.headers.authorization))).toEqual(
      new Set([TEST_TOKEN, other]),
    );
  });

  it("polls go upstream under the loop's own request id, kept after the subscriber that started the loop leaves", async () => {
    const run = new MovingRun('loop-request-id-run').serveOn(t.upstream);
    const runRequests = () =>
      t.upstream.runRequests.filter((request) => request.path === `/processRuns/${run.current.id}`);
    const logsFrom = t.gateway.logs.lines.length;
    const starter = client('ws');
    const first = starter.subscribe(WATCH_RUN, { id: run.current.id });
    await first.waitForEvents(1);
    const second = client('sse').subscribe(WATCH_RUN, { id: run.current.id });
    await second.waitForEvents(1);
    await starter.close();
    const before = runRequests().length;
    await waitFor(() => runRequests().length >= before + 2, 'polls after the starter left');
    const ids = new Set(runRequests().map((request) => request.headers['x-request-id']));
    expect(ids.size).toBe(1);
    const [loopId] = [...ids] as string[];
    expect(loopId).toMatch(/^loop-[0-9a-f-]{36}$/);
    // The loop's upstream calls are logged under its id; the SSE subscription's request under its own.
    const entries = t.gateway.logs.entries.slice(logsFrom);
    const calls = entries.filter(
      (entry) => entry.msg === 'upstream call' && entry.upstream.path === `/processRuns/${run.current.id}`,
    );
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(new Set(calls.map((entry) => entry.requestId))).toEqual(new Set([loopId]));
    const subscriptionIds = entries
      .filter((entry) => entry.msg === 'request' && entry.path === '/graphql')
      .map((entry) => entry.requestId);
    expect(subscriptionIds).toHaveLength(1);
    expect(subscriptionIds).not.toContain(loopId);
  });

  it.each<LiveTransport>(['sse', 'ws'])(
    '%s: a client that leaves releases its place; the loop stops with the last one and polls no more',
    async (transport) => {
      const run = new MovingRun().serveOn(t.upstream);
      const a = client(transport);
      const b = client(transport);
      const first = a.subscribe(WATCH_RUN, { id: run.current.id });
      const second = b.subscribe(WATCH_RUN, { id: run.current.id });
      await Promise.all([first.waitForEvents(1), second.waitForEvents(1)]);
      expect(t.gateway.app.live.activeSubscriptions).toBe(2);

      await a.close();
      await waitFor(() => t.gateway.app.live.activeSubscriptions === 1, 'the first subscription released');
      expect(t.gateway.app.live.registry.activePollers).toBe(1);
      const before = t.upstream.runRequests.length;
      await waitFor(() => t.upstream.runRequests.length >= before + 2, 'the loop goes on for the remaining subscriber');

      await b.close();
      await waitFor(
        () => t.gateway.app.live.registry.activePollers === 0 && t.gateway.app.live.activeSubscriptions === 0,
        'everything released',
      );
      const after = t.upstream.runRequests.length;
      await sleep(400); // ten poll intervals; a loaded machine only polls less in them, so load cannot fail this
      // At most one poll that was already in flight when the last subscriber left.
      expect(t.upstream.runRequests.length - after).toBeLessThanOrEqual(1);
    },
  );

  it('/metrics: active subscriptions and pollers, polls by outcome, events sent', async () => {
    const run = new MovingRun().serveOn(t.upstream);
    const watch = client('ws').subscribe(WATCH_RUN, { id: run.current.id });
    await watch.waitForEvents(1);
    run.advance();
    await watch.waitForEvents(2);
    const text = await scrapeMetrics(t.gateway);
    expect(text).toMatch(/^gateway_live_subscriptions 1$/m);
    expect(text).toMatch(/^gateway_live_pollers 1$/m);
    expect(text).toMatch(/^gateway_live_polls_total\{outcome="changed"\} [1-9]\d*$/m);
    expect(text).toMatch(/^gateway_live_events_total [1-9]\d*$/m);
  });
});

describe('processRunUpdated bounds', () => {
  it('LIVE_MAX_SUBSCRIPTIONS: one more is refused with SUBSCRIPTION_LIMIT_EXCEEDED; a place freed is usable again', async () => {
    await withGateway({ ...LIVE_TEST_ENV, LIVE_MAX_SUBSCRIPTIONS: '2' }, async (gateway) => {
      const run = new MovingRun().serveOn(gateway.upstream);
      const ws = createLiveClient(gateway, 'ws');
      const sse = createLiveClient(gateway, 'sse');
      try {
        const open = [
          ws.subscribe(WATCH_RUN, { id: run.current.id }),
          sse.subscribe(WATCH_RUN, { id: run.current.id }),
        ];
        await Promise.all(open.map((watch) => watch.waitForEvents(1)));
        for (const refused of [
          ws.subscribe(WATCH_RUN, { id: run.current.id }),
          sse.subscribe(WATCH_RUN, { id: run.current.id }),
        ]) {
          await refused.waitForEnd();
          expect(codesOf(refused.events)).toEqual(['SUBSCRIPTION_LIMIT_EXCEEDED']);
        }
        open[0]!.dispose();
        await waitFor(() => gateway.app.live.activeSubscriptions === 1, 'one place freed');
        await ws.subscribe(WATCH_RUN, { id: run.current.id }).waitForEvents(1);
      } finally {
        await ws.close();
        await sse.close();
      }
    });
  });

  it('LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: a WebSocket over it is refused; another connection is not', async () => {
    await withGateway({ ...LIVE_TEST_ENV, LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2' }, async (gateway) => {
      const run = new MovingRun().serveOn(gateway.upstream);
      const one = createLiveClient(gateway, 'ws');
      const two = createLiveClient(gateway, 'ws');
      try {
        await Promise.all(
          [one.subscribe(WATCH_RUN, { id: run.current.id }), one.subscribe(WATCH_RUN, { id: run.current.id })].map(
            (watch) => watch.waitForEvents(1),
          ),
        );
        const refused = one.subscribe(WATCH_RUN, { id: run.current.id });
        await refused.waitForEnd();
        expect(codesOf(refused.events)).toEqual(['SUBSCRIPTION_LIMIT_EXCEEDED']);
        const elsewhere = await two.subscribe<WatchedRun>(WATCH_RUN, { id: run.current.id }).waitForEvents(1);
        expect(elsewhere[0]!.data!.processRunUpdated.id).toBe(run.current.id);
      } finally {
        await one.close();
        await two.close();
      }
    });
  });
});
