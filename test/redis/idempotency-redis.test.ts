// Two gateway replicas (in-process, each with its own Redis connection) in front of one fake upstream and one real
// redis-server: idempotency keys are shared, the claim is atomic across replicas, Redis holds no token, and a Redis
// that is down refuses requests with a key (never runs them unguarded) while requests without one are served.
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../harness/gateway';
import { FakeUpstream, RedisServer, waitFor } from '../harness';
import { MUTATION_CASES } from '../mutations/mutation-cases';
import { heldAnswer, onlyCode, sendCase, type RawAnswer } from '../mutations/idempotency-http';

const PREFIX = 'idem-gw:';
const TTL_MS = 60_000;
const runProcess = MUTATION_CASES[0]!;

describe('idempotency keys shared by replicas through Redis', () => {
  const redis = new RedisServer();
  const upstream = new FakeUpstream();
  let replicas: TestGateway[] = [];
  let keys = 0;
  const freshKey = () => `redis-key-${++keys}`;
  const writes = () =>
    upstream.requests.filter((request) => request.method === runProcess.method && request.path === runProcess.path);

  beforeAll(async () => {
    await redis.start();
    await upstream.start();
    const env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: PREFIX,
      IDEMPOTENCY_TTL_MS: String(TTL_MS),
      REDIS_COMMAND_TIMEOUT_MS: '300',
      UPSTREAM_BREAKER_THRESHOLD: '0',
    };
    replicas = [await startTestGateway(upstream.url, env), await startTestGateway(upstream.url, env)];
    await waitForRedis('up');
  });
  afterEach(() => upstream.reset());
  beforeEach(() => {
    upstream.onPath(runProcess.method, runProcess.path, (_request, response) => runProcess.succeed(response));
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await upstream.stop();
    await redis.close();
  });

  async function waitForRedis(state: 'up' | 'down'): Promise<void> {
    const states = async () =>
      Promise.all(
        replicas.map(
          async (replica) => ((await (await fetch(`${replica.url}/ready`)).json()) as { redis?: string }).redis,
        ),
      );
    await waitFor(
      async () => (await states()).every((seen) => seen === state),
      `both replicas to report redis ${state}`,
    );
  }

  it('written on one replica, replayed byte for byte by the other: one upstream request; Redis holds prefixed keys with a TTL and no token', async () => {
    const key = freshKey();
    const first = await sendCase(replicas[0]!, key, runProcess);
    expect([first.status, first.body.errors]).toEqual([200, undefined]);
    const again = await sendCase(replicas[1]!, key, runProcess);
    expect({ status: again.status, text: again.text, replayed: again.headers.get('idempotent-replayed') }).toEqual({
      status: 200,
      text: first.text,
      replayed: 'true',
    });
    expect(writes()).toHaveLength(1);

    const dump = await redis.dump();
    const stored = dump.filter((entry) => entry.key.startsWith(`${PREFIX}idempotency:`));
    expect(stored).toHaveLength(1);
    expect(dump.every((entry) => entry.key.startsWith(PREFIX))).toBe(true);
    const everything = JSON.stringify(dump);
    expect(everything).not.toContain(TEST_TOKEN.slice('Bearer '.length));
    expect(everything).not.toContain(key);
    // Without IDEMPOTENCY_SECRET the identity hash is unkeyed, and each replica says so at start.
    for (const replica of replicas) expect(replica.logs.text).toContain('IDEMPOTENCY_SECRET is not set');
    const client = redis.client();
    try {
      const ttl = await client.pttl(stored[0]!.key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(TTL_MS);
    } finally {
      client.disconnect();
    }
  });

  it('in flight on one replica: the other answers IDEMPOTENCY_KEY_IN_USE (409) without an upstream call, then replays once it finished', async () => {
    const held = heldAnswer((response) => runProcess.succeed(response));
    upstream.onPath(runProcess.method, runProcess.path, held.handler);
    const key = freshKey();
    const first = sendCase(replicas[0]!, key, runProcess);
    await waitFor(() => writes().length === 1, 'the first write to reach the upstream');
    const conflict = await sendCase(replicas[1]!, key, runProcess);
    expect({ status: conflict.status, code: onlyCode(conflict) }).toEqual({
      status: 409,
      code: 'IDEMPOTENCY_KEY_IN_USE',
    });
    held.release();
    const done = await first;
    expect(done.status).toBe(200);
    const replay = await sendCase(replicas[1]!, key, runProcess);
    expect([replay.text, replay.headers.get('idempotent-replayed')]).toEqual([done.text, 'true']);
    expect(writes()).toHaveLength(1);
  });

  it('two replicas racing with one key: exactly one upstream request', async () => {
    const held = heldAnswer((response) => runProcess.succeed(response));
    upstream.onPath(runProcess.method, runProcess.path, held.handler);
    const key = freshKey();
    const racing = replicas.map((replica) => sendCase(replica, key, runProcess));
    const settled: RawAnswer[] = [];
    racing.forEach((answer) => void answer.then((done) => settled.push(done)));
    await waitFor(
      () => settled.length === 1 && writes().length === 1,
      'one replica to claim and write, the other to be refused',
    );
    held.release();
    const answers = await Promise.all(racing);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(writes()).toHaveLength(1);
  });

  it('the key reused for another request on the other replica: IDEMPOTENCY_KEY_REUSED (422)', async () => {
    const key = freshKey();
    await sendCase(replicas[0]!, key, runProcess);
    const reused = await sendCase(replicas[1]!, key, runProcess, 'process-other');
    expect({ status: reused.status, code: onlyCode(reused) }).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(upstream.requests).toHaveLength(1);
  });

  it('Redis hung (SIGSTOP): a request with a key is refused IDEMPOTENCY_UNAVAILABLE (503) with no upstream call', async () => {
    redis.pause();
    try {
      const refused = await sendCase(replicas[0]!, freshKey(), runProcess);
      expect({
        status: refused.status,
        code: onlyCode(refused),
        outcome: refused.body.errors![0]!.extensions!.outcome,
      }).toEqual({
        status: 503,
        code: 'IDEMPOTENCY_UNAVAILABLE',
        outcome: 'NOT_APPLIED',
      });
      expect(upstream.requests).toHaveLength(0);
    } finally {
      redis.resume();
    }
  });

  it('Redis stopped: with a key → IDEMPOTENCY_UNAVAILABLE (503), no upstream call; without a key → served; back → keys work again', async () => {
    await redis.stop();
    try {
      await waitForRedis('down');
      const key = freshKey();
      for (const replica of replicas) {
        const refused = await sendCase(replica, key, runProcess);
        expect({ status: refused.status, code: onlyCode(refused) }).toEqual({
          status: 503,
          code: 'IDEMPOTENCY_UNAVAILABLE',
        });
      }
      expect(upstream.requests).toHaveLength(0);
      const unguarded = await sendCase(replicas[0]!, null, runProcess);
      expect([unguarded.status, unguarded.body.errors]).toEqual([200, undefined]);
      expect(writes()).toHaveLength(1);
    } finally {
      await redis.start();
    }
    await waitForRedis('up');
    const key = freshKey();
    const first = await sendCase(replicas[0]!, key, runProcess);
    expect([first.status, first.body.errors]).toEqual([200, undefined]);
    expect((await sendCase(replicas[1]!, key, runProcess)).headers.get('idempotent-replayed')).toBe('true');
    expect(writes()).toHaveLength(2);
  });
});
