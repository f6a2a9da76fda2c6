// Two replicas (in-process gateways) and one real redis-server: a caller's share is one count across replicas.
import { Redis } from 'ioredis';
import { seedProcessRun } from '../../src/demo/fixtures';
import { execute, FakeUpstream, httpGet, RedisServer, waitFor, type TestGateway } from '../harness';
import { startTestGateway } from '../harness/gateway';

const QUERY = '{ processRun(id: "run-1") { id } }';
const ALICE = 'Bearer alice-token-0123456789';
const BOB = 'Bearer bob-token-9876543210';

describe('UPSTREAM_RATE_LIMIT_PER_CALLER with REDIS_URL – shared by replicas', () => {
  const redis = new RedisServer();
  const upstream = new FakeUpstream();
  let replicas: TestGateway[] = [];

  beforeAll(async () => {
    await redis.start();
    await upstream.start();
    upstream.serveRun({ ...seedProcessRun, id: 'run-1' });
    // The same LIVE_CREDENTIAL_SECRET: replicas then hash a passthrough credential alike.
    const env = {
      REDIS_URL: redis.url,
      UPSTREAM_RATE_LIMIT_PER_CALLER: '4/60s',
      LIVE_CREDENTIAL_SECRET: 's'.repeat(32),
    };
    replicas = await Promise.all([startTestGateway(upstream.url, env), startTestGateway(upstream.url, env)]);
    // Until Redis answers, each replica counts on its own (the fallback share): start once both are connected.
    await waitFor(async () => {
      const states = await Promise.all(
        replicas.map(async (replica) => JSON.parse((await httpGet(replica, '/ready')).text).redis),
      );
      return states.every((state) => state === 'up');
    }, 'both replicas connected to redis');
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await upstream.stop();
    await redis.stop();
  });

  const verdict = async (replica: TestGateway, authorization: string) => {
    const result = await execute(replica, QUERY, undefined, { headers: { authorization } });
    return result.body.errors
      ? `${result.body.errors[0]!.extensions!.code}:${result.body.errors[0]!.extensions!.scope}`
      : 'ok';
  };

  it('a caller alternating between replicas gets its share once, not once per replica; another caller is unaffected', async () => {
    const alice: string[] = [];
    for (let i = 0; i < 6; i += 1) alice.push(await verdict(replicas[i % 2]!, ALICE));
    expect(alice).toEqual(['ok', 'ok', 'ok', 'ok', 'RATE_LIMITED:caller', 'RATE_LIMITED:caller']);
    expect(await verdict(replicas[1]!, BOB)).toBe('ok');
    expect(upstream.runRequests).toHaveLength(5);
    // Redis holds counters under hashed caller keys, never a credential.
    const inspector = new Redis(redis.url);
    try {
      const keys = await inspector.keys('*');
      expect(keys.some((key) => key.includes('upstream-caller-budget'))).toBe(true);
      for (const key of keys) {
        expect(key).not.toContain('alice-token');
        expect(key).not.toContain('bob-token');
      }
    } finally {
      inspector.disconnect();
    }
  });
});
