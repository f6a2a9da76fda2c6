// Three real gateway processes (`node dist/index.js`, the public 1000 ms poll floor) in front of one fake upstream
// and one real redis-server: subscribers of a run spread over the replicas share one poll loop, a killed owner is
// replaced, Redis going away falls back to local loops and back, and Redis holds no secret.
import { MovingRun } from '../live/live-fixtures';
import {
  createLiveClient,
  FakeUpstream,
  metricSample,
  metricTotal,
  RedisServer,
  scrapeMetrics,
  waitFor,
  spawnGateway,
  useBuiltEntryPoint,
  type LiveClient,
  type LiveTransport,
  type SpawnedGateway,
  type SubscriptionRecording,
} from '../harness';

const CALLER_TOKEN = 'Bearer live-caller-t0ken-9f8e7d';
const CREDENTIAL_SECRET = 'live-credential-secret-0123456789abcdef';
const PREFIX = 'live-gw:';
const LEASE_TTL_MS = 3_000;

const WATCH_RUN = /* GraphQL */ `
  subscription WatchRun($id: ID!) {
    processRunUpdated(id: $id) {
      id
      status
      revision
    }
  }
`;
interface Watched {
  processRunUpdated: { id: string; status: string; revision: number };
}

async function metric(gateway: SpawnedGateway, name: string, labels?: Record<string, string>): Promise<number> {
  return metricSample(await scrapeMetrics(gateway), name, labels);
}

async function polls(gateway: SpawnedGateway): Promise<number> {
  return metricTotal(await scrapeMetrics(gateway), 'gateway_live_polls_total');
}

/** Generous: only a broken gateway needs this long. Every 100 ms: a check scrapes three spawned gateways. */
const eventually = (condition: () => boolean | Promise<boolean>, what: string): Promise<void> =>
  waitFor(condition, what, 20_000, 100);

async function redisState(gateway: SpawnedGateway): Promise<unknown> {
  return ((await (await fetch(`${gateway.url}/ready`)).json()) as { redis?: string }).redis;
}

async function waitForRedis(gateways: SpawnedGateway[], state: 'up' | 'down'): Promise<void> {
  await eventually(
    async () => (await Promise.all(gateways.map(redisState))).every((seen) => seen === state),
    `every replica reports redis ${state}`,
  );
}

/** Waits until exactly one replica holds the lease and the others follow; returns the owner's index. */
async function oneOwner(gateways: SpawnedGateway[]): Promise<number> {
  let owner = -1;
  await eventually(async () => {
    const texts = await Promise.all(gateways.map(scrapeMetrics));
    const leases = texts.map((text) => metricSample(text, 'gateway_live_poller_leases'));
    const followed = texts.map((text) => metricSample(text, 'gateway_live_followed_loops'));
    owner = leases.indexOf(1);
    return leases.reduce((a, b) => a + b, 0) === 1 && followed.reduce((a, b) => a + b, 0) === gateways.length - 1;
  }, 'one owner, the other replicas following');
  return owner;
}

const revisionsOf = (watch: SubscriptionRecording<Watched>) =>
  watch.events.map((event) => event.data?.processRunUpdated.revision);

describe('shared live pollers: three replicas, one Redis, one fake upstream', () => {
  const redis = new RedisServer();
  const upstream = new FakeUpstream();
  let gateways: SpawnedGateway[] = [];
  const clients: LiveClient[] = [];
  const env = () => ({
    UPSTREAM_BASE_URL: upstream.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: PREFIX,
    LIVE_POLL_INTERVAL_MS: '1000',
    LIVE_MAX_POLL_INTERVAL_MS: '1000',
    LIVE_LEASE_TTL_MS: String(LEASE_TTL_MS),
    LIVE_CREDENTIAL_SECRET: CREDENTIAL_SECRET,
    // A budget in Redis, so queries have a Redis command to skip while it is frozen.
    UPSTREAM_RATE_LIMIT: '1000/60s',
    REDIS_COMMAND_TIMEOUT_MS: '200',
    // Every query must reach the rate budget (and so Redis): no answer from the cache or a live snapshot.
    UPSTREAM_CACHE_TTL_MS: '0',
  });
  /** `perReplica` subscribers of `id` on each given replica, alternating SSE and WebSocket. */
  const watchOn = (targets: SpawnedGateway[], id: string, perReplica: number) =>
    targets.flatMap((gateway) =>
      Array.from({ length: perReplica }, (_, i) => {
        const transport: LiveTransport = i % 2 ? 'sse' : 'ws';
        const client = createLiveClient(gateway, transport, { authorization: CALLER_TOKEN });
        clients.push(client);
        return client.subscribe<Watched>(WATCH_RUN, { id });
      }),
    );

  useBuiltEntryPoint();
  beforeAll(async () => {
    await Promise.all([redis.start(), upstream.start()]);
    gateways = await Promise.all([spawnGateway(env()), spawnGateway(env()), spawnGateway(env())]);
    await waitForRedis(gateways, 'up');
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await Promise.all(
      gateways.map(async (gateway) => {
        gateway.child.kill('SIGTERM');
        await gateway.exited;
      }),
    );
    await Promise.all([redis.close(), upstream.stop()]);
  });

  it('subscribers of one run on all three replicas: one poll loop in total, and every subscriber gets every change and the completion', async () => {
    const run = new MovingRun('shared-run-1').serveOn(upstream);
    const watches = watchOn(gateways, run.current.id, 3);
    await Promise.all(watches.map((watch) => watch.waitForEvents(1)));
    const owner = await oneOwner(gateways);

    // The run stands still: across the replicas only the owner polls, and every upstream request is one of its polls.
    const before = await Promise.all(gateways.map(polls));
    const requestsBefore = upstream.runRequests.length;
    await eventually(
      async () => (await polls(gateways[owner]!)) >= before[owner]! + 3,
      'three more polls by the owner',
    );
    const after = await Promise.all(gateways.map(polls));
    const deltas = after.map((count, i) => count - before[i]!);
    const requests = upstream.runRequests.length - requestsBefore;
    deltas.forEach((delta, i) => (i === owner ? expect(delta).toBeGreaterThanOrEqual(3) : expect(delta).toBe(0)));
    // The owner's poll counter and the upstream count the same requests (one may be in flight at either read).
    expect(Math.abs(requests - deltas[owner]!)).toBeLessThanOrEqual(1);

    // From here every upstream answer is a new revision: with one loop in total, each request is a change that
    // every subscriber on every replica sees, in order, then the completion (two loops would split the revisions).
    const base = run.current.revision;
    const changes = 4;
    let served = 0;
    const countFrom = upstream.runRequests.length;
    run.answer = (moving) => {
      served += 1;
      if (served < changes) moving.advance();
      else if (served === changes) moving.finish();
    };
    await Promise.all(watches.map((watch) => watch.waitForEnd()));
    expect(upstream.runRequests.length - countFrom).toBe(changes);
    for (const watch of watches) {
      expect(watch.completed).toBe(true);
      expect(revisionsOf(watch).slice(-changes)).toEqual(Array.from({ length: changes }, (_, i) => base + 1 + i));
      expect(watch.events.at(-1)!.data!.processRunUpdated.status).toBe('COMPLETE');
    }
    await eventually(
      async () => (await Promise.all(gateways.map((g) => metric(g, 'gateway_live_pollers')))).every((n) => n === 0),
      'no loop left',
    );
  });

  it('Redis goes away: every replica polls for its own subscribers (no event lost); Redis back: one loop again', async () => {
    const run = new MovingRun('shared-run-2').serveOn(upstream);
    const watches = watchOn(gateways, run.current.id, 2);
    await Promise.all(watches.map((watch) => watch.waitForEvents(1)));
    await oneOwner(gateways);

    await redis.stop();
    await waitForRedis(gateways, 'down');
    await eventually(
      async () => (await Promise.all(gateways.map((g) => metric(g, 'gateway_live_pollers')))).every((n) => n === 1),
      'a local loop on each replica',
    );
    for (const gateway of gateways) expect(await metric(gateway, 'gateway_live_shared')).toBe(0);
    run.advance();
    await Promise.all(watches.map((watch) => watch.waitForEvents(2)));
    for (const watch of watches) expect(revisionsOf(watch)).toEqual([1, 2]);

    await redis.start();
    await waitForRedis(gateways, 'up');
    await oneOwner(gateways);
    for (const gateway of gateways) {
      expect(await metric(gateway, 'gateway_live_shared')).toBe(1);
      expect(gateway.logs.filter((entry) => entry.msg?.startsWith('live pollers: redis unreachable'))).toHaveLength(1);
      expect(gateway.logs.filter((entry) => entry.msg?.startsWith('live pollers: redis back'))).toHaveLength(1);
      expect(await metric(gateway, 'gateway_live_mode_changes_total', { mode: 'local' })).toBe(1);
    }
    run.advance();
    await Promise.all(watches.map((watch) => watch.waitForEvents(3)));
    // Each state once, never a repeat, whichever loop (local, then shared) delivered it.
    for (const watch of watches) expect(revisionsOf(watch)).toEqual([1, 2, 3]);
    run.finish();
    await Promise.all(watches.map((watch) => watch.waitForEnd()));
    for (const watch of watches) expect(revisionsOf(watch)).toEqual([1, 2, 3, 4]);
  });

  it('Redis holds only prefixed keys with a TTL (leases, snapshots of the run JSON), and no token or secret', async () => {
    const run = new MovingRun('shared-run-3').serveOn(upstream);
    const watches = watchOn(gateways, run.current.id, 1);
    await Promise.all(watches.map((watch) => watch.waitForEvents(1)));
    await oneOwner(gateways);
    const entries = await redis.dump();
    const admin = redis.client();
    try {
      expect(entries.some(({ key }) => key.startsWith(`${PREFIX}live:lease:`))).toBe(true);
      expect(entries.some(({ key }) => key.startsWith(`${PREFIX}live:snapshot:`))).toBe(true);
      for (const { key, value } of entries) {
        expect(key.startsWith(PREFIX)).toBe(true);
        for (const secret of [CALLER_TOKEN.replace(/^Bearer /, ''), CREDENTIAL_SECRET]) {
          expect(key).not.toContain(secret);
          expect(value).not.toContain(secret);
        }
        if (key.includes('live:')) expect(await admin.pttl(key)).toBeGreaterThan(0);
      }
      const snapshot = entries.find(
        ({ key }) => key.startsWith(`${PREFIX}live:snapshot:`) && key.endsWith(`:${run.current.id}`),
      )!;
      expect(JSON.parse(JSON.parse(snapshot.value) as string).run).toEqual(run.current);
    } finally {
      admin.disconnect();
    }
  });

  it('an ending error seen by the owner (the run is gone: NOT_FOUND) ends the subscribers of every replica', async () => {
    const run = new MovingRun('shared-run-5').serveOn(upstream);
    const watches = watchOn(gateways, run.current.id, 1);
    await Promise.all(watches.map((watch) => watch.waitForEvents(1)));
    await oneOwner(gateways);
    run.gone = true;
    await Promise.all(watches.map((watch) => watch.waitForEnd()));
    for (const watch of watches) {
      expect(watch.events.at(-1)!.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    }
  });

  it('the subscriber connections are dropped and kept away while a change is published: every subscriber still gets it', async () => {
    const run = new MovingRun('shared-run-6').serveOn(upstream);
    const watches = watchOn(gateways, run.current.id, 2);
    await Promise.all(watches.map((watch) => watch.waitForEvents(1)));
    const owner = await oneOwner(gateways);
    const followers = gateways.filter((_, i) => i !== owner);
    const admin = redis.client();
    try {
      // Redis drops a subscriber that falls behind its pub/sub output buffer limit; here every subscriber connection
      // is killed and, in the same round trip, new connections are refused (maxclients = the connections left), so
      // the followers are certainly away when the owner publishes the change (the message is lost for them).
      const connections = ((await admin.client('LIST')) as string).trim().split('\n');
      const subscriberConnections = connections.filter((line) => /\bflags=\S*P/.test(line)).length;
      expect(subscriberConnections).toBe(gateways.length);
      const results = await admin
        .pipeline()
        .client('KILL', 'TYPE', 'pubsub')
        .config('SET', 'maxclients', String(connections.length - subscriberConnections))
        .exec();
      expect(results!.map(([error]) => error)).toEqual([null, null]);
      expect(results![0]![1]).toBe(subscriberConnections);
      await eventually(
        () =>
          followers.every((gateway) =>
            gateway.logs.some((entry) => entry.msg?.startsWith('redis subscriber connection lost')),
          ),
        'each follower notices its subscriber connection dropped',
      );
      run.advance();
      // The owner polls the change and its own subscribers get it; the followers' subscriber connections are away.
      await Promise.all(watches.filter((_, i) => Math.floor(i / 2) === owner).map((watch) => watch.waitForEvents(2)));
    } finally {
      await admin.config('SET', 'maxclients', '10000');
      admin.disconnect();
    }
    // Back: each follower re-reads the snapshot (and the lease), so its subscribers get the change they missed.
    await Promise.all(watches.map((watch) => watch.waitForEvents(2)));
    for (const watch of watches) expect(revisionsOf(watch)).toEqual([1, 2]);
    await eventually(
      () =>
        followers.every((gateway) => gateway.logs.some((entry) => entry.msg === 'redis subscriber connection back')),
      'each follower reconnects its subscriber connection',
    );
    await oneOwner(gateways);
    run.finish();
    await Promise.all(watches.map((watch) => watch.waitForEnd()));
    for (const watch of watches) expect(revisionsOf(watch)).toEqual([1, 2, 3]);
  });

  it('Redis freezes (SIGSTOP): down in /ready and metrics, every replica polls for its own subscribers, queries skip Redis; SIGCONT: one loop again', async () => {
    const run = new MovingRun('shared-run-7').serveOn(upstream);
    const watches = watchOn(gateways, run.current.id, 2);
    await Promise.all(watches.map((watch) => watch.waitForEvents(1)));
    await oneOwner(gateways);
    const count = (gateway: SpawnedGateway, prefix: string) =>
      gateway.logs.filter((entry) => String(entry.msg).startsWith(prefix)).length;
    const unreachableBefore = gateways.map((g) => count(g, 'redis unreachable'));
    const backBefore = gateways.map((g) => count(g, 'live pollers: redis back'));

    redis.pause();
    try {
      // The sockets stay open: only the heartbeat going unanswered tells.
      await waitForRedis(gateways, 'down');
      for (const gateway of gateways) {
        expect(await metric(gateway, 'gateway_redis_up')).toBe(0);
        expect(await metric(gateway, 'gateway_live_shared')).toBe(0);
      }
      await eventually(
        async () => (await Promise.all(gateways.map((g) => metric(g, 'gateway_live_pollers')))).every((n) => n === 1),
        'a local loop on each replica',
      );
      // Subscribers on every replica, followers included, keep getting each change.
      run.advance();
      await Promise.all(watches.map((watch) => watch.waitForEvents(2)));
      run.advance();
      await Promise.all(watches.map((watch) => watch.waitForEvents(3)));
      for (const watch of watches) expect(revisionsOf(watch)).toEqual([1, 2, 3]);

      // The circuit is open: each query's budget decision is taken locally without a command to Redis.
      for (const gateway of gateways) {
        const skipped = await metric(gateway, 'gateway_redis_skipped_total');
        const shared = await metric(gateway, 'gateway_upstream_budget_decisions_total', {
          store: 'shared',
          outcome: 'allowed',
        });
        const query = await fetch(`${gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: CALLER_TOKEN },
          body: JSON.stringify({ query: `{ processRun(id: "${run.current.id}") { id } }` }),
        });
        expect(await query.json()).toEqual({ data: { processRun: { id: run.current.id } } });
        expect(await metric(gateway, 'gateway_redis_skipped_total')).toBeGreaterThanOrEqual(skipped + 1);
        expect(
          await metric(gateway, 'gateway_upstream_budget_decisions_total', { store: 'shared', outcome: 'allowed' }),
        ).toBe(shared);
      }
      // Logged once per change, not per failed heartbeat.
      gateways.forEach((gateway, i) => expect(count(gateway, 'redis unreachable')).toBe(unreachableBefore[i]! + 1));
    } finally {
      redis.resume();
    }

    await waitForRedis(gateways, 'up');
    await oneOwner(gateways);
    await eventually(
      async () =>
        (await Promise.all(gateways.map((g) => metric(g, 'gateway_live_pollers')))).reduce((a, b) => a + b, 0) === 1,
      'one poll loop in total',
    );
    gateways.forEach((gateway, i) => expect(count(gateway, 'live pollers: redis back')).toBe(backBefore[i]! + 1));
    run.advance();
    await Promise.all(watches.map((watch) => watch.waitForEvents(4)));
    run.finish();
    await Promise.all(watches.map((watch) => watch.waitForEnd()));
    for (const watch of watches) expect(revisionsOf(watch)).toEqual([1, 2, 3, 4, 5]);
  });

  // Last: it kills a replica.
  it('the owner is killed (SIGKILL): another replica takes the loop over and its subscribers keep receiving', async () => {
    const run = new MovingRun('shared-run-4').serveOn(upstream);
    const watches = watchOn(gateways, run.current.id, 2);
    await Promise.all(watches.map((watch) => watch.waitForEvents(1)));
    const owner = await oneOwner(gateways);
    const survivors = gateways.filter((_, i) => i !== owner);
    const surviving = watches.filter((_, i) => Math.floor(i / 2) !== owner);
    const takeOvers = () =>
      Promise.all(survivors.map((g) => metric(g, 'gateway_live_lease_events_total', { event: 'taken-over' })));
    const takeOversBefore = (await takeOvers()).reduce((a, b) => a + b, 0);

    gateways[owner]!.child.kill('SIGKILL');
    await gateways[owner]!.exited;
    run.advance();
    // Polling resumes from a survivor within about one lease TTL; the wait is generous for a loaded machine.
    await Promise.all(surviving.map((watch) => watch.waitForEvents(2)));
    await oneOwner(survivors);
    expect((await takeOvers()).reduce((a, b) => a + b, 0) - takeOversBefore).toBe(1);
    run.finish();
    await Promise.all(surviving.map((watch) => watch.waitForEnd()));
    for (const watch of surviving) expect(revisionsOf(watch)).toEqual([1, 2, 3]);
    gateways = survivors;
  });
});
