// Two in-process replicas sharing a real redis-server and one fake upstream: replica A polls a run's live loop, B
// follows it. The states B relays serve processRun reads on B too (tier live, no upstream call), aged from A's poll,
// with the terminal TTL for a finished run, and never a state requested before a write B invalidated the run for.
import type { ServerResponse } from 'node:http';
import type { SharedPollerRegistry } from '../../src/live/shared-poller-registry';
import { MovingRun, sleep, WATCH_RUN, type WatchedRun } from '../live/live-fixtures';
import {
  createLiveClient,
  execute,
  expectNoErrors,
  FakeUpstream,
  json,
  RedisServer,
  waitFor,
  type LiveClient,
  type RecordedRequest,
  type SubscriptionRecording,
} from '../harness';
import { startTestGateway, type TestGateway } from '../harness/gateway';

const CACHE_INFO = { 'x-gateway-cache-info': 'true' };
const READ = 'query Read($id: ID!) { processRun(id: $id) { id revision name status } }';
const ADD_JOB =
  'mutation($id: ID!) { addJobRuns(processRunId: $id, jobs: [{ action: SEND_TASK, arguments: { sendTask: { title: "t", assignee: "u" } } }]) { id } }';

const registryOf = (gateway: TestGateway) => gateway.app.live.registry as SharedPollerRegistry;
const isLoopPoll = (request: RecordedRequest) => String(request.headers['x-request-id']).startsWith('loop-');

async function redisState(gateway: TestGateway): Promise<unknown> {
  return ((await (await fetch(`${gateway.url}/ready`)).json()) as { redis?: string }).redis;
}

/** Two replicas on one redis-server and one fake upstream, with `env` on both. */
function useReplicas(env: Record<string, string>) {
  const redis = new RedisServer();
  const upstream = new FakeUpstream();
  const replicas: TestGateway[] = [];
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    await Promise.all([redis.start(), upstream.start()]);
    const shared = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'follow-gw:',
      LIVE_CREDENTIAL_SECRET: 'follower-credential-secret-0123456789abcdef',
      LIVE_POLL_INTERVAL_MS: '100',
      LIVE_MAX_POLL_INTERVAL_MS: '100',
      ...env,
    };
    replicas.push(await startTestGateway(upstream.url, shared), await startTestGateway(upstream.url, shared));
    await waitFor(
      async () => (await Promise.all(replicas.map(redisState))).every((state) => state === 'up'),
      'both replicas on redis',
    );
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await waitFor(
      () => replicas.every((replica) => replica.app.live.registry.activePollers === 0),
      'no poll loop left',
    );
    upstream.reset();
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await upstream.stop();
    await redis.stop();
  });
  const watch = (gateway: TestGateway, id: string): SubscriptionRecording<WatchedRun> => {
    const client = createLiveClient(gateway, 'ws');
    clients.push(client);
    return client.subscribe<WatchedRun>(WATCH_RUN, { id });
  };
  return {
    upstream,
    redis,
    get a() {
      return replicas[0]!;
    },
    get b() {
      return replicas[1]!;
    },
    /** A subscriber on A (which then owns the loop), then one on B (which follows it); both have the first state. */
    async ownerAndFollower(id: string) {
      const onA = watch(replicas[0]!, id);
      await onA.waitForEvents(1);
      await waitFor(() => registryOf(replicas[0]!).ownedLoops === 1, 'A owns the loop');
      const onB = watch(replicas[1]!, id);
      await onB.waitForEvents(1);
      await waitFor(() => registryOf(replicas[1]!).followedLoops === 1, 'B follows it');
      return { onA, onB };
    },
    watch,
  };
}

const revisionsOf = (recording: SubscriptionRecording<WatchedRun>) =>
  recording.events.map((event) => event.data?.processRunUpdated.revision);

const sentWith = (upstream: FakeUpstream, requestId: string) =>
  upstream.runRequests.filter((request) => request.headers['x-request-id'] === requestId);

describe('answer cache – a follower replica serves reads from the shared loop it relays', () => {
  const t = useReplicas({ UPSTREAM_CACHE_TTL_MS: '60000' });

  it('a read on the follower is the owner’s newest relayed state (tier live), with no upstream call; another credential or variant still calls', async () => {
    const run = new MovingRun('run-followed').serveOn(t.upstream);
    const { onB } = await t.ownerAndFollower(run.current.id);
    run.advance();
    await waitFor(() => revisionsOf(onB).includes(2), 'B relays revision 2');

    const read = await execute(
      t.b,
      READ,
      { id: run.current.id },
      { headers: { ...CACHE_INFO, 'x-request-id': 'follower-read' } },
    );
    expect(read.body.data).toEqual({
      processRun: { id: 'run-followed', revision: 2, name: run.current.name, status: 'RUNNING' },
    });
    expect(read.body.extensions?.cache).toEqual({ age: expect.any(Number), tier: 'live' });
    expect(sentWith(t.upstream, 'follower-read')).toHaveLength(0);
    expect(registryOf(t.b).activePollers).toBe(0);

    expectNoErrors(
      await execute(
        t.b,
        READ,
        { id: run.current.id },
        { headers: { authorization: 'Bearer other-caller-9', 'x-request-id': 'other-credential' } },
      ),
    );
    expect(sentWith(t.upstream, 'other-credential')).toHaveLength(1);
    expectNoErrors(
      await execute(t.b, '{ processRun(id: "run-followed", excludeGeneratedJobs: true) { id } }', undefined, {
        headers: { 'x-request-id': 'other-variant' },
      }),
    );
    expect(sentWith(t.upstream, 'other-variant')).toHaveLength(1);
  });

  it('a relayed state that is not shaped like a run is not kept (as a poll’s 200 of the wrong shape would not be)', async () => {
    const run = new MovingRun('run-bad-shape').serveOn(t.upstream);
    const { onB } = await t.ownerAndFollower(run.current.id);
    // Only another version of the owner could publish this: the test publishes it on the loop's channel itself.
    const redis = t.redis.client();
    try {
      const channels = (await redis.pubsub('CHANNELS', 'follow-gw:live:*')) as string[];
      const channel = channels.find((name) => name.endsWith(`:${run.current.id}`));
      const now = Date.now();
      const bad = { ...run.current, revision: 5, autoClose: 'yes' };
      await redis.publish(
        channel!,
        JSON.stringify({ from: 'another-version', kind: 'run', requestedAt: now, polledAt: now, run: bad }),
      );
    } finally {
      redis.disconnect();
    }
    await waitFor(() => revisionsOf(onB).includes(5), 'B relays the odd state');
    const read = await execute(t.b, READ, { id: run.current.id }, { headers: CACHE_INFO });
    expect(read.body.data?.processRun.revision).toBe(1);
  });

  it('read-your-writes on the follower: a write there forgets the relayed state, and a poll requested before the write is not kept when it arrives after', async () => {
    const run = new MovingRun('run-write-race');
    const held: ServerResponse[] = [];
    let holdPolls = false;
    t.upstream.onRun(run.current.id, (request, response) => {
      if (holdPolls && isLoopPoll(request)) held.push(response);
      else json(response, 200, run.current);
    });
    t.upstream.onPath('POST', `/processRuns/${run.current.id}/jobRuns`, (_request, response) => {
      run.current = { ...run.current, revision: 3, name: 'after the write' };
      json(response, 201, []);
    });
    const { onB } = await t.ownerAndFollower(run.current.id);
    const before = structuredClone(run.current);
    run.current = { ...before, revision: 2, name: 'before the write' };
    await waitFor(() => revisionsOf(onB).includes(2), 'B relays revision 2');
    const relayed = await execute(t.b, READ, { id: run.current.id }, { headers: CACHE_INFO });
    expect(relayed.body.extensions?.cache.tier).toBe('live');
    expect(relayed.body.data?.processRun.name).toBe('before the write');

    // A's next poll is in flight (requested before the write) while B writes; its answer is the state before it.
    holdPolls = true;
    await waitFor(() => held.length > 0, "A's poll in flight");
    expectNoErrors(await execute(t.b, ADD_JOB, { id: run.current.id }));
    const stale = { ...before, revision: 4, name: 'read before the write' };
    for (const response of held.splice(0)) json(response, 200, stale);
    await waitFor(() => revisionsOf(onB).includes(4), 'B relays the poll that was requested before the write');

    const afterWrite = await execute(
      t.b,
      READ,
      { id: run.current.id },
      { headers: { ...CACHE_INFO, 'x-request-id': 'read-after-write' } },
    );
    expect(afterWrite.body.data?.processRun).toMatchObject({ revision: 3, name: 'after the write' });
    expect(afterWrite.body.extensions?.cache.tier).toBe('upstream');
    expect(sentWith(t.upstream, 'read-after-write')).toHaveLength(1);
    for (const response of held.splice(0)) json(response, 200, run.current);
    holdPolls = false;
  });
});

describe('answer cache – a follower’s relayed states keep the owner’s age and the TTL rules', () => {
  const TTL_MS = 1000;
  const t = useReplicas({
    UPSTREAM_CACHE_TTL_MS: String(TTL_MS),
    UPSTREAM_CACHE_TERMINAL_TTL_MS: '60000',
    UPSTREAM_MAX_ATTEMPTS: '1',
    UPSTREAM_BREAKER_THRESHOLD: '0',
  });

  it('a snapshot older than the TTL when the follower reads it is not served: the read goes upstream', async () => {
    const run = new MovingRun('run-aged');
    let failing = false;
    t.upstream.onRun(run.current.id, (request, response) => {
      if (failing && request.headers['x-request-id'] !== 'aged-read')
        json(response, 503, { code: 'ServiceUnavailable', message: 'down' });
      else json(response, 200, run.current);
    });
    const onA = t.watch(t.a, run.current.id);
    await onA.waitForEvents(1);
    await waitFor(() => registryOf(t.a).ownedLoops === 1, 'A owns the loop');
    run.advance();
    await waitFor(() => revisionsOf(onA).includes(2), 'A polled revision 2');
    // From now on A's polls fail (nothing newer is published) and so does B's own first read of its subscriber.
    failing = true;
    // Past the TTL counted from A's poll (the snapshot's polledAt), and A's copy in the Redis tier gone too.
    const snapshot = (await t.redis.dump()).find(
      (entry) => entry.key.startsWith('follow-gw:live:snapshot:') && entry.key.endsWith(`:${run.current.id}`),
    );
    const { polledAt } = JSON.parse(JSON.parse(snapshot!.value) as string) as { polledAt: number };
    await sleep(polledAt + TTL_MS + 50 - Date.now());
    await waitFor(
      async () => !(await t.redis.dump()).some((entry) => entry.key.startsWith('follow-gw:uc:')),
      "A's copy in the Redis tier expired",
    );

    const onB = t.watch(t.b, run.current.id);
    await waitFor(() => revisionsOf(onB).includes(2), 'B starts from the snapshot');
    await waitFor(() => registryOf(t.b).followedLoops === 1, 'B follows the loop');
    const read = await execute(
      t.b,
      READ,
      { id: run.current.id },
      { headers: { ...CACHE_INFO, 'x-request-id': 'aged-read' } },
    );
    expect(read.body.data?.processRun.revision).toBe(2);
    expect(read.body.extensions?.cache.tier).toBe('upstream');
    expect(sentWith(t.upstream, 'aged-read')).toHaveLength(1);
  });

  it('a relayed terminal state is kept for the terminal TTL, not the plain one', async () => {
    const run = new MovingRun('run-finishing').serveOn(t.upstream);
    const { onB } = await t.ownerAndFollower(run.current.id);
    run.finish('complete');
    await onB.waitForEnd();
    expect(revisionsOf(onB)).toContain(2);
    const endedAt = Date.now();
    await sleep(endedAt + TTL_MS + 50 - Date.now());

    const read = await execute(
      t.b,
      READ,
      { id: run.current.id },
      { headers: { ...CACHE_INFO, 'x-request-id': 'terminal-read' } },
    );
    expect(read.body.data?.processRun).toMatchObject({ revision: 2, status: 'COMPLETE' });
    expect(read.body.extensions?.cache.tier).toBe('live');
    expect(sentWith(t.upstream, 'terminal-read')).toHaveLength(0);
  });
});
