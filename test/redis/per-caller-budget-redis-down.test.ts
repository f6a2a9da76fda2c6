// A frozen redis-server (SIGSTOP) keeps the connection 'ready': the per-caller budget must follow the circuit instead.
import { Redis } from 'ioredis';
import { PerCallerRateBudget } from '../../src/upstream/resilience/caller-rate-budget';
import { RedisServer } from '../harness';

describe('PerCallerRateBudget while the Redis circuit is open', () => {
  const redis = new RedisServer();
  let client: Redis;
  beforeAll(async () => {
    await redis.start();
    client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    await client.ping();
  });
  afterAll(async () => {
    redis.resume();
    client.disconnect();
    await redis.stop();
  });

  it('decides from the local share without a Redis command, which a frozen Redis would never answer', async () => {
    let available = true;
    const troubles: string[] = [];
    const budget = new PerCallerRateBudget({
      rate: { limit: 4, windowMs: 60_000 },
      client,
      fallbackShare: 0.5,
      redisAvailable: () => available,
      onRedisTrouble: () => troubles.push('trouble'),
    });
    expect(await budget.take('caller-a')).toBeNull();
    expect(Number(await client.get('upstream-caller-budget:caller-a'))).toBe(1);
    redis.pause();
    available = false;
    // Half of 4 locally; with a command sent each take would wait on the frozen server (ioredis has no timeout here).
    expect(await budget.take('caller-a')).toBeNull();
    expect(await budget.take('caller-a')).toBeNull();
    expect(await budget.take('caller-a')).toBeGreaterThan(59_000);
    expect(await budget.take('caller-b')).toBeNull();
    // The circuit was open: the insurance answering is no news to the connection.
    expect(troubles).toEqual([]);
    redis.resume();
    available = true;
    expect(await budget.take('caller-a')).toBeNull();
    expect(Number(await client.get('upstream-caller-budget:caller-a'))).toBe(2);
  });
});
