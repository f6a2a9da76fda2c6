// Three real gateway processes (`node dist/index.js`) in front of one fake upstream and one real redis-server:
// the upstream budget is one budget across the replicas, survives Redis going away, and Redis holds no secret.
import { seedProcessRun } from '../../src/demo/fixtures';
import {
  execute,
  httpGet,
  json,
  metricSample,
  RedisServer,
  scrapeMetrics,
  spawnGateway,
  useBuiltEntryPoint,
  useFakeUpstream,
  waitFor,
  type ExecutionResult,
  type FakeUpstream,
  type SpawnedGateway,
} from '../harness';

const CALLER_TOKEN = 'Bearer caller-token-5ecret-a1b2c3';
const CLIENT_SECRET = 'client-secret-value-s3cr3t';
const ISSUED_TOKEN = 'gateway-issued-token-t0k3n';
const RUN_PREFIX = 'budget-run-';
let asked = 0;

type Answer = ExecutionResult;

// A new run id per call: identical GETs in flight would be coalesced into one upstream call (docs/caching.md), and
// this suite counts the budget, one upstream call per operation.
const ask = (gateway: SpawnedGateway): Promise<Answer> =>
  execute(gateway, `query { processRun(id: "${RUN_PREFIX}${asked++}") { id } }`, undefined, {
    headers: { authorization: CALLER_TOKEN },
  });

/** Any run id under RUN_PREFIX is the seed run under that id. */
function serveEveryRun(upstream: FakeUpstream): FakeUpstream {
  return upstream.onAny((request, response) => {
    const id = decodeURIComponent(request.path.slice('/processRuns/'.length));
    if (request.path.startsWith(`/processRuns/${RUN_PREFIX}`)) json(response, 200, { ...seedProcessRun, id });
    else json(response, 404, { code: 'NotFound', message: 'no such path' });
  });
}

/** Each answer either has the run or refuses with RATE_LIMITED + retryAfter; anything else fails the test. */
function tally(answers: Answer[], windowSeconds: number): { ok: number; refused: number } {
  let ok = 0;
  let refused = 0;
  for (const answer of answers) {
    if (!answer.body.errors) {
      expect(answer.body.data?.processRun.id).toMatch(new RegExp(`^${RUN_PREFIX}\\d+$`));
      ok += 1;
      continue;
    }
    expect(answer.body.errors).toHaveLength(1);
    const extensions = answer.body.errors[0]!.extensions!;
    expect(extensions.code).toBe('RATE_LIMITED');
    expect(extensions.retryAfter).toBeGreaterThanOrEqual(1);
    expect(extensions.retryAfter).toBeLessThanOrEqual(windowSeconds);
    refused += 1;
  }
  return { ok, refused };
}

async function readyBody(gateway: SpawnedGateway): Promise<Record<string, unknown>> {
  const response = await httpGet(gateway, '/ready');
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as Record<string, unknown>;
}

/** Polls /ready until every replica reports this Redis state (ioredis reconnects every ≤ 2 s). */
async function waitForRedis(gateways: SpawnedGateway[], state: 'up' | 'down'): Promise<void> {
  let states: unknown[] = [];
  await waitFor(
    async () => {
      states = await Promise.all(gateways.map(async (gateway) => (await readyBody(gateway)).redis));
      return states.every((seen) => seen === state);
    },
    `every replica to report redis ${state} (last: ${states.join(', ')})`,
  );
}

async function metric(gateway: SpawnedGateway, name: string, labels: Record<string, string> = {}): Promise<number> {
  return metricSample(await scrapeMetrics(gateway), name, labels);
}

const BUDGET_DECISIONS = 'gateway_upstream_budget_decisions_total';
const budgetDecisions = (store: 'shared' | 'local', outcome: 'allowed' | 'refused') =>
  [BUDGET_DECISIONS, { store, outcome }] as const;

async function stopAll(gateways: SpawnedGateway[]): Promise<void> {
  await Promise.all(
    gateways.map(async (gateway) => {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }),
  );
}

/** Everything in Redis: every key carries the prefix; no token or secret in any key or value. */
async function expectNothingSecretIn(redis: RedisServer, prefix: string, secrets: string[]): Promise<number> {
  const entries = await redis.dump();
  for (const { key, value } of entries) {
    expect(key.startsWith(prefix)).toBe(true);
    for (const secret of secrets) {
      const bare = secret.replace(/^Bearer /, '');
      expect(key).not.toContain(bare);
      expect(value).not.toContain(bare);
    }
  }
  return entries.length;
}

describe('shared upstream budget: three replicas, one Redis (client credentials)', () => {
  useBuiltEntryPoint();
  const fake = useFakeUpstream((upstream) =>
    serveEveryRun(upstream).onPath('POST', '/oauth2/token', (_request, response) =>
      json(response, 200, { access_token: ISSUED_TOKEN, token_type: 'Bearer', expires_in: 3600 }),
    ),
  );
  const redis = new RedisServer();
  let gateways: SpawnedGateway[] = [];
  const K = 12;

  beforeAll(async () => {
    await redis.start();
    const upstream = fake.upstream;
    const env = {
      UPSTREAM_BASE_URL: upstream.url,
      UPSTREAM_CLIENT_ID: 'gateway-client',
      UPSTREAM_CLIENT_SECRET: CLIENT_SECRET,
      UPSTREAM_RATE_LIMIT: `${K}/60s`,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'test-gw:',
      // The budget, not the answer cache: every call is one the budget must count.
      UPSTREAM_CACHE_TTL_MS: '0',
    };
    gateways = await Promise.all([spawnGateway(env), spawnGateway(env), spawnGateway(env)]);
    await waitForRedis(gateways, 'up');
  });
  afterAll(async () => {
    await stopAll(gateways);
    await redis.close();
  });

  it(`lets K=${K} calls per window through across the three, whichever replica gets the traffic; the rest are RATE_LIMITED`, async () => {
    // Uneven on purpose: 15 to the first replica, 10 to the second, 5 to the third, all at once. Each replica alone
    // would allow K, so separate budgets would let 27 through.
    const plan = [...Array(15).fill(0), ...Array(10).fill(1), ...Array(5).fill(2)] as number[];
    const answers = await Promise.all(plan.map((index) => ask(gateways[index]!)));
    const { ok, refused } = tally(answers, 60);
    const runCalls = fake.upstream.runRequests.length;
    expect(runCalls).toBeLessThanOrEqual(K);
    // The counter is atomic, so the whole budget is spent: exactly K answered, the rest refused.
    expect(ok).toBe(K);
    expect(runCalls).toBe(K);
    expect(refused).toBe(plan.length - K);

    // Every decision came from Redis, none from a local fallback.
    const shared = await Promise.all(
      gateways.map((gateway) => metric(gateway, ...budgetDecisions('shared', 'allowed'))),
    );
    const local = await Promise.all(gateways.map((gateway) => metric(gateway, ...budgetDecisions('local', 'allowed'))));
    expect(shared.reduce((sum, count) => sum + count, 0)).toBe(K);
    expect(local).toEqual([0, 0, 0]);
    for (const gateway of gateways) expect(await metric(gateway, 'gateway_redis_up')).toBe(1);
  });

  it('keeps refusing on every replica for the rest of the window, with retryAfter from the shared window', async () => {
    const answers = await Promise.all(gateways.map((gateway) => ask(gateway)));
    expect(tally(answers, 60)).toEqual({ ok: 0, refused: 3 });
  });

  it('Redis holds only prefixed keys, and neither the client secret nor any token', async () => {
    const keys = await expectNothingSecretIn(redis, 'test-gw:', [
      CLIENT_SECRET,
      ISSUED_TOKEN,
      CALLER_TOKEN,
      'gateway-client',
    ]);
    expect(keys).toBeGreaterThan(0);
    const budget = await redis.dump();
    // The budget's counter, and the replicas' heartbeat registrations (random ids) that size the fallback share.
    expect(budget.map(({ key }) => key).sort()).toEqual(['test-gw:replicas', 'test-gw:upstream-budget:processes-api']);
  });
});

describe('Redis goes away mid-traffic and comes back (passthrough credentials, default prefix)', () => {
  useBuiltEntryPoint();
  const fake = useFakeUpstream(serveEveryRun);
  const redis = new RedisServer();
  let gateways: SpawnedGateway[] = [];
  const K = 60;
  // 1/3 of 60: each replica may spend 20 per window on its own while Redis is away.
  const LOCAL_SHARE = 20;

  beforeAll(async () => {
    await redis.start();
    const upstream = fake.upstream;
    const env = {
      UPSTREAM_BASE_URL: upstream.url,
      UPSTREAM_RATE_LIMIT: `${K}/60s`,
      REDIS_URL: redis.url,
      REDIS_FALLBACK_BUDGET_SHARE: '1/3',
      UPSTREAM_CACHE_TTL_MS: '0',
    };
    gateways = await Promise.all([spawnGateway(env), spawnGateway(env), spawnGateway(env)]);
    await waitForRedis(gateways, 'up');
  });
  afterAll(async () => {
    await stopAll(gateways);
    await redis.close();
  });

  it('no request fails while Redis stops: each replica falls back to its local share, shown in /ready and /metrics', async () => {
    const answers: Answer[] = [];
    // Traffic runs in rounds of one request per replica; Redis is stopped while round 3 is in flight, and has
    // certainly exited before round 5.
    let stopped: Promise<void> = Promise.resolve();
    for (let round = 0; round < 12; round += 1) {
      if (round === 2) stopped = redis.stop();
      if (round === 4) await stopped;
      answers.push(...(await Promise.all(gateways.map((gateway) => ask(gateway)))));
    }
    // 36 calls: at most 12 per replica, well inside both the shared budget and each local share.
    expect(tally(answers, 60)).toEqual({ ok: 36, refused: 0 });

    await waitForRedis(gateways, 'down');
    for (const gateway of gateways) {
      expect(await readyBody(gateway)).toEqual({ ready: true, redis: 'down' });
      expect(await metric(gateway, 'gateway_redis_up')).toBe(0);
      // Rounds 5 to 12 at least were answered locally; the others by Redis: each call by exactly one of them.
      const local = await metric(gateway, ...budgetDecisions('local', 'allowed'));
      expect(local).toBeGreaterThanOrEqual(8);
      expect(local + (await metric(gateway, ...budgetDecisions('shared', 'allowed')))).toBe(12);
      expect(await metric(gateway, 'gateway_redis_state_changes_total', { state: 'down' })).toBe(1);
      // Logged once for the change, not once per failed reconnect.
      expect(gateway.logs.filter((entry) => entry.msg?.startsWith('redis unreachable'))).toHaveLength(1);
    }
  });

  it('while Redis is away, each replica enforces its local share: RATE_LIMITED beyond it, nothing else', async () => {
    const before = fake.upstream.requests.length;
    const perReplica = await Promise.all(
      gateways.map(async (gateway) => {
        const answers: Answer[] = [];
        for (let i = 0; i < 15; i += 1) answers.push(await ask(gateway));
        return tally(answers, 60);
      }),
    );
    for (const [index, counts] of perReplica.entries()) {
      const local = await metric(gateways[index]!, ...budgetDecisions('local', 'allowed'));
      // Up to 12 earlier calls plus these 15 ask for more than the share: the share is spent exactly.
      expect(local).toBe(LOCAL_SHARE);
      expect(counts.refused).toBeGreaterThanOrEqual(1);
    }
    // Together the replicas stay within the global budget while Redis is away.
    expect(fake.upstream.requests.length - before).toBeLessThanOrEqual(K);
  });

  it('Redis back: the replicas reconnect and the budget is shared again', async () => {
    await redis.start();
    await waitForRedis(gateways, 'up');
    const sharedBefore = await Promise.all(
      gateways.map((gateway) => metric(gateway, ...budgetDecisions('shared', 'allowed'))),
    );
    const answers = await Promise.all(gateways.flatMap((gateway) => [ask(gateway), ask(gateway)]));
    // The restarted Redis starts an empty window: all 6 fit in it, counted there.
    expect(tally(answers, 60)).toEqual({ ok: 6, refused: 0 });
    const sharedAfter = await Promise.all(
      gateways.map((gateway) => metric(gateway, ...budgetDecisions('shared', 'allowed'))),
    );
    expect(sharedAfter.map((after, index) => after - sharedBefore[index]!)).toEqual([2, 2, 2]);
    const admin = redis.client();
    try {
      expect(await admin.get('prg:upstream-budget:processes-api')).toBe('6');
    } finally {
      admin.disconnect();
    }
    for (const gateway of gateways) {
      expect(await readyBody(gateway)).toEqual({ ready: true, redis: 'up' });
      expect(gateway.logs.filter((entry) => entry.msg === 'redis up: shared state in use')).toHaveLength(2);
    }
  });

  it('Redis holds only prefixed keys and no caller token', async () => {
    expect(await expectNothingSecretIn(redis, 'prg:', [CALLER_TOKEN])).toBeGreaterThan(0);
  });
});

describe('dynamic fallback share: no REDIS_FALLBACK_BUDGET_SHARE, three replicas, Redis stopped', () => {
  useBuiltEntryPoint();
  const fake = useFakeUpstream(serveEveryRun);
  const redis = new RedisServer();
  let gateways: SpawnedGateway[] = [];
  const K = 60;

  beforeAll(async () => {
    await redis.start();
    const env = {
      UPSTREAM_BASE_URL: fake.upstream.url,
      UPSTREAM_RATE_LIMIT: `${K}/60s`,
      REDIS_URL: redis.url,
      UPSTREAM_CACHE_TTL_MS: '0',
    };
    gateways = await Promise.all([spawnGateway(env), spawnGateway(env), spawnGateway(env)]);
    await waitForRedis(gateways, 'up');
  });
  afterAll(async () => {
    await stopAll(gateways);
    await redis.close();
  });

  it('each replica spends the global budget divided by the replica count it last saw (60 / 3 = 20), not a static share', async () => {
    // Every replica's heartbeat has counted all three.
    await waitFor(
      async () =>
        (await Promise.all(gateways.map((g) => metric(g, 'gateway_redis_replicas_seen')))).every((n) => n === 3),
      'each replica sees three',
    );
    const admin = redis.client();
    try {
      expect(await admin.zcard('prg:replicas')).toBe(3);
      expect(await admin.pttl('prg:replicas')).toBeGreaterThan(0);
    } finally {
      admin.disconnect();
    }
    await redis.stop();
    await waitForRedis(gateways, 'down');
    const before = fake.upstream.requests.length;
    const perReplica = await Promise.all(
      gateways.map(async (gateway) => {
        const answers: Answer[] = [];
        for (let i = 0; i < 25; i += 1) answers.push(await ask(gateway));
        return tally(answers, 60);
      }),
    );
    // 25 asked on each: exactly the share (20) answered, the rest refused locally.
    expect(perReplica).toEqual([
      { ok: 20, refused: 5 },
      { ok: 20, refused: 5 },
      { ok: 20, refused: 5 },
    ]);
    for (const gateway of gateways) expect(await metric(gateway, ...budgetDecisions('local', 'allowed'))).toBe(20);
    expect(fake.upstream.requests.length - before).toBe(K);
  });
});
