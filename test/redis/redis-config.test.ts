// REDIS_* settings: validated at start with one clear line; unset REDIS_URL keeps everything in memory.
import { seedProcessRun } from '../../src/demo/fixtures';
import { ConfigError, loadConfig } from '../../src/config/config';
import {
  closedPort,
  execute,
  expectNoErrors,
  expectOnlyError,
  httpGet,
  metricSample,
  RedisServer,
  scrapeMetrics,
  waitFor,
  withGateway,
} from '../harness';

describe('Redis configuration', () => {
  it('is off without REDIS_URL', () => {
    expect(loadConfig({ UPSTREAM_RATE_LIMIT: '10/500ms' }).redis).toBeNull();
  });

  it('has a prefix and a command timeout by default, the fallback share from the replica count; the logged target carries no password', () => {
    expect(loadConfig({ REDIS_URL: 'redis://:hunter2@cache.internal:6380/0' }).redis).toEqual({
      url: 'redis://:hunter2@cache.internal:6380/0',
      target: 'cache.internal:6380',
      keyPrefix: 'prg:',
      fallbackBudgetShare: null,
      commandTimeoutMs: 500,
    });
    expect(loadConfig({ REDIS_URL: 'rediss://cache', REDIS_FALLBACK_BUDGET_SHARE: '1/3' }).redis).toMatchObject({
      target: 'cache:6379',
      fallbackBudgetShare: 1 / 3,
    });
    expect(
      loadConfig({ REDIS_URL: 'redis://cache', REDIS_FALLBACK_BUDGET_SHARE: '0.25', REDIS_KEY_PREFIX: '{gw}:' }).redis,
    ).toMatchObject({
      keyPrefix: '{gw}:',
      fallbackBudgetShare: 0.25,
    });
  });

  it.each([
    [{ REDIS_URL: 'cache:6379' }, /REDIS_URL must use redis: or rediss:, got "cache:"$/],
    [{ REDIS_URL: 'redis://' }, /REDIS_URL must name a host/],
    [{ REDIS_URL: 'http://cache' }, /REDIS_URL must use redis: or rediss:/],
    [{ REDIS_URL: 'redis://cache', REDIS_KEY_PREFIX: 'has space' }, /REDIS_KEY_PREFIX must be 1 to 64/],
    [
      { REDIS_URL: 'redis://cache', REDIS_FALLBACK_BUDGET_SHARE: '0' },
      /REDIS_FALLBACK_BUDGET_SHARE must be a share above 0/,
    ],
    [
      { REDIS_URL: 'redis://cache', REDIS_FALLBACK_BUDGET_SHARE: '3/2' },
      /REDIS_FALLBACK_BUDGET_SHARE must be a share above 0/,
    ],
    [
      { REDIS_URL: 'redis://cache', REDIS_COMMAND_TIMEOUT_MS: '5' },
      /REDIS_COMMAND_TIMEOUT_MS must be from 10 to 60000, got 5/,
    ],
    [
      { REDIS_URL: 'redis://cache', UPSTREAM_RATE_LIMIT: '10/500ms' },
      /UPSTREAM_RATE_LIMIT must have a window of whole seconds when REDIS_URL is set/,
    ],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never repeats a malformed REDIS_URL (it may hold a password) in the error', () => {
    expect(() => loadConfig({ REDIS_URL: 'hunter2 not a url' })).toThrow(
      /^Invalid configuration: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL$/,
    );
  });
});

describe('Redis unreachable from the start', () => {
  it('serves every request on the local share, and says so in /ready', async () => {
    const port = await closedPort();
    const env = {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      UPSTREAM_RATE_LIMIT: '4/60s',
      REDIS_FALLBACK_BUDGET_SHARE: '1/2',
    };
    await withGateway(env, async (gateway) => {
      gateway.upstream.serveRun(seedProcessRun);
      const query = `query { processRun(id: "${seedProcessRun.id}") { id } }`;
      // The share is 2 of the 4: two answered, the third refused locally.
      expectNoErrors(await execute(gateway, query));
      expectNoErrors(await execute(gateway, query));
      expect(expectOnlyError(await execute(gateway, query), 'RATE_LIMITED').extensions).toMatchObject({
        retryAfter: expect.any(Number),
      });
      expect(gateway.upstream.requests).toHaveLength(2);
      const ready = await httpGet(gateway, '/ready');
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.text)).toEqual({ ready: true, redis: 'down' });
    });
  });
});

describe('Redis hung (accepts, never answers)', () => {
  const redis = new RedisServer();
  beforeAll(() => redis.start());
  afterAll(async () => {
    redis.resume();
    await redis.close();
  });

  it('a frozen Redis is down (ping unanswered): requests then skip it (the circuit), and share again once it answers', async () => {
    const env = { REDIS_URL: redis.url, UPSTREAM_RATE_LIMIT: '100/60s', REDIS_COMMAND_TIMEOUT_MS: '200' };
    await withGateway(env, async (gateway) => {
      gateway.upstream.serveRun(seedProcessRun);
      const query = `query { processRun(id: "${seedProcessRun.id}") { id } }`;
      const sample = async (name: string, labels?: Record<string, string>) =>
        metricSample(await scrapeMetrics(gateway), name, labels);
      const decisions = (store: string) =>
        sample('gateway_upstream_budget_decisions_total', { store, outcome: 'allowed' });
      const redisInReady = async () => JSON.parse((await httpGet(gateway, '/ready')).text).redis;
      await waitFor(async () => (await redisInReady()) === 'up', 'redis up in /ready');
      expectNoErrors(await execute(gateway, query));
      expect(await decisions('shared')).toBe(1);
      expect(await sample('gateway_redis_up')).toBe(1);

      redis.pause();
      // The socket stays open; the heartbeat's timeout is what tells.
      await waitFor(async () => (await redisInReady()) === 'down', 'redis down in /ready while frozen');
      expect(await sample('gateway_redis_up')).toBe(0);
      const skippedBefore = await sample('gateway_redis_skipped_total');
      const localBefore = await decisions('local');
      for (let i = 0; i < 3; i += 1) expectNoErrors(await execute(gateway, query));
      // The circuit is open: each answer came from the local window without a command sent to Redis.
      expect(await sample('gateway_redis_skipped_total')).toBe(skippedBefore + 3);
      expect(await decisions('local')).toBe(localBefore + 3);
      expect(await decisions('shared')).toBe(1);
      expect(gateway.logs.entries.filter((entry) => String(entry.msg).startsWith('redis unreachable'))).toHaveLength(1);

      redis.resume();
      await waitFor(async () => (await redisInReady()) === 'up', 'redis up again once it answers');
      expectNoErrors(await execute(gateway, query));
      expect(await decisions('shared')).toBe(2);
      expect(await sample('gateway_redis_skipped_total')).toBe(skippedBefore + 3);
    });
  });
});
