// Two in-process replicas, one fake upstream, one real redis-server: the shared tier, invalidation across replicas
// before a write's answer, no secret in Redis, and Redis going away mid-run.
import { brotliDecompressSync } from 'node:zlib';
import { execute, expectNoErrors, FakeUpstream, json, RedisServer, TEST_TOKEN, waitFor } from '../harness';
import { startTestGateway, type TestGateway } from '../harness/gateway';
import { cacheMetric, RUN_QUERY, runIn, serveMutableRun } from './cache-fixtures';

const CACHE_INFO = { 'x-gateway-cache-info': 'true' };
const ADD_JOB =
  'mutation($id: ID!) { addJobRuns(processRunId: $id, jobs: [{ action: SEND_TASK, arguments: { sendTask: { title: "t", assignee: "u" } } }]) { id } }';

async function redisState(gateway: TestGateway): Promise<unknown> {
  return ((await (await fetch(`${gateway.url}/ready`)).json()) as { redis?: string }).redis;
}

describe('answer cache – the Redis tier shared by two replicas', () => {
  const redis = new RedisServer();
  const upstream = new FakeUpstream();
  let replicas: TestGateway[] = [];

  beforeAll(async () => {
    await Promise.all([redis.start(), upstream.start()]);
    const env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'cache-gw:',
      LIVE_CREDENTIAL_SECRET: 'cache-credential-secret-0123456789abcdef',
      UPSTREAM_CACHE_TTL_MS: '60000',
    };
    replicas = [await startTestGateway(upstream.url, env), await startTestGateway(upstream.url, env)];
    await waitFor(
      async () => (await Promise.all(replicas.map(redisState))).every((state) => state === 'up'),
      'both replicas on redis',
    );
  });
  afterEach(() => upstream.reset());
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await upstream.stop();
    await redis.stop();
  });

  it('a run read on one replica is served on the other from Redis: one upstream GET, and Redis holds no token', async () => {
    const [a, b] = replicas as [TestGateway, TestGateway];
    upstream.serveRun(runIn('run-shared', 'running'));
    expectNoErrors(await execute(a, RUN_QUERY, { id: 'run-shared' }));
    // The store into Redis is not awaited by the first read.
    await waitFor(
      async () => (await redis.dump()).some((entry) => entry.key.startsWith('cache-gw:uc:')),
      'the answer in redis',
    );
    const fromRedis = await execute(b, RUN_QUERY, { id: 'run-shared' }, { headers: CACHE_INFO });
    expect(fromRedis.body.data).toEqual({ processRun: { id: 'run-shared', status: 'RUNNING', name: 'first' } });
    expect(fromRedis.body.extensions?.cache).toEqual({ age: expect.any(Number), tier: 'redis' });
    expect(upstream.runRequests).toHaveLength(1);
    expect(
      await cacheMetric(b, 'gateway_upstream_cache_lookups_total', {
        tier: 'redis',
        endpoint: 'getProcessRun',
        result: 'hit',
      }),
    ).toBe(1);
    const dump = JSON.stringify(await redis.dump());
    expect(dump).not.toContain(TEST_TOKEN.slice('Bearer '.length));
  });

  it('read-your-writes across replicas: a write on one, and the next read on the other asks the upstream', async () => {
    const [a, b] = replicas as [TestGateway, TestGateway];
    const state = { run: runIn('run-cross-write', 'running') };
    serveMutableRun(upstream, state);
    upstream.onPath('POST', '/processRuns/run-cross-write/jobRuns', (_request, response) => {
      state.run = { ...state.run, name: 'after the write' };
      json(response, 201, []);
    });
    expect(expectNoErrors(await execute(a, RUN_QUERY, { id: 'run-cross-write' })).processRun.name).toBe('first');
    expect(expectNoErrors(await execute(b, RUN_QUERY, { id: 'run-cross-write' })).processRun.name).toBe('first');
    expect(expectNoErrors(await execute(a, RUN_QUERY, { id: 'run-cross-write' })).processRun.name).toBe('first');
    expect(upstream.runRequests.filter((request) => request.method === 'GET')).toHaveLength(1);
    await execute(b, ADD_JOB, { id: 'run-cross-write' });
    expect(expectNoErrors(await execute(a, RUN_QUERY, { id: 'run-cross-write' })).processRun.name).toBe(
      'after the write',
    );
    expect(expectNoErrors(await execute(b, RUN_QUERY, { id: 'run-cross-write' })).processRun.name).toBe(
      'after the write',
    );
  });

  it('a run of 8 KiB or more is stored compressed in Redis and served whole from it on the other replica', async () => {
    const [a, b] = replicas as [TestGateway, TestGateway];
    const longName = 'a long name '.repeat(2_000);
    upstream.serveRun(runIn('run-large-shared', 'running', longName));
    expectNoErrors(await execute(a, RUN_QUERY, { id: 'run-large-shared' }));
    const client = redis.client();
    try {
      const stored = async () => {
        const keys = await client.keys('cache-gw:uc:*');
        const values = await Promise.all(keys.map((key) => client.getBuffer(key)));
        return values.filter((value): value is Buffer => value !== null && value.subarray(0, 4).toString() === 'br1:');
      };
      await waitFor(async () => (await stored()).length === 1, 'the compressed answer in redis');
      const [value] = await stored();
      const envelope = brotliDecompressSync(value!.subarray(4)).toString('utf8');
      expect(envelope).toContain(longName);
      expect(value!.length).toBeLessThan(envelope.length / 10);
      expect(envelope).not.toContain(TEST_TOKEN.slice('Bearer '.length));
    } finally {
      client.disconnect();
    }
    const fromRedis = await execute(b, RUN_QUERY, { id: 'run-large-shared' }, { headers: CACHE_INFO });
    expect(fromRedis.body.data).toEqual({ processRun: { id: 'run-large-shared', status: 'RUNNING', name: longName } });
    expect(fromRedis.body.extensions?.cache).toEqual({ age: expect.any(Number), tier: 'redis' });
    expect(upstream.runRequests).toHaveLength(1);
  });

  it('Redis stopped mid-run: every request still answers (local tier and upstream), and the shared tier is back after', async () => {
    const [a, b] = replicas as [TestGateway, TestGateway];
    upstream.serveRun(runIn('run-redis-down', 'running'));
    upstream.onPath('POST', '/processRuns/run-redis-down/jobRuns', (_request, response) => json(response, 201, []));
    await redis.stop();
    await waitFor(
      async () => (await Promise.all(replicas.map(redisState))).every((state) => state === 'down'),
      'both replicas see redis down',
    );
    // Each replica stores the run locally on its second read (doorkeeper); a's third is a local hit.
    for (let i = 0; i < 3; i++) expectNoErrors(await execute(a, RUN_QUERY, { id: 'run-redis-down' }));
    for (let i = 0; i < 2; i++) expectNoErrors(await execute(b, RUN_QUERY, { id: 'run-redis-down' }));
    expect(upstream.runRequests.filter((request) => request.method === 'GET')).toHaveLength(4);
    expectNoErrors(await execute(a, ADD_JOB, { id: 'run-redis-down' }));
    // The writer's own replica forgets at once, Redis or not.
    expectNoErrors(await execute(a, RUN_QUERY, { id: 'run-redis-down' }));
    expect(upstream.runRequests.filter((request) => request.method === 'GET')).toHaveLength(5);

    await redis.start();
    await waitFor(
      async () => (await Promise.all(replicas.map(redisState))).every((state) => state === 'up'),
      'both replicas back on redis',
    );
    // Invalidations published while a replica was away are lost to it: once its subscriber is back it forgets its
    // local tier, so the run it held is asked for again (its subscriber may reconnect a little after the commands).
    const getsBefore = upstream.runRequests.filter((request) => request.method === 'GET').length;
    await waitFor(
      async () => {
        expectNoErrors(await execute(b, RUN_QUERY, { id: 'run-redis-down' }));
        return upstream.runRequests.filter((request) => request.method === 'GET').length > getsBefore;
      },
      'replica b to forget what it held while redis was away',
      15_000,
      100,
    );
    upstream.serveRun(runIn('run-redis-back', 'running'));
    expectNoErrors(await execute(a, RUN_QUERY, { id: 'run-redis-back' }));
    await waitFor(
      async () => (await redis.dump()).some((entry) => entry.key.startsWith('cache-gw:uc:')),
      'answers in redis again',
    );
    expect(
      (await execute(b, RUN_QUERY, { id: 'run-redis-back' }, { headers: CACHE_INFO })).body.extensions?.cache.tier,
    ).toBe('redis');
  });
});
