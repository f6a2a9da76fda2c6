// The lease of a shared poll loop against a real redis-server: each acquisition writes its own value, and renew and
// release act only on that value, so an attempt that finished late cannot release or renew a newer acquisition of
// the same replica (which would let a second replica poll the same loop).
import { Redis } from 'ioredis';
import { loopKeys, PollLease } from '../../src/live/poll-lease';
import { RedisServer } from '../harness';

const PREFIX = 'lease-test:';
const TTL_MS = 60_000;
const SNAPSHOT_TTL_MS = 120_000;

describe('PollLease (real redis-server)', () => {
  const redis = new RedisServer();
  let client: Redis;
  let admin: Redis;

  beforeAll(async () => {
    await redis.start();
    client = new Redis(redis.url, { keyPrefix: PREFIX });
    admin = redis.client();
  });
  afterAll(async () => {
    client.disconnect();
    admin.disconnect();
    await redis.close();
  });

  const holder = (loop: string) => admin.get(`${PREFIX}live:lease:${loop}`);

  it('two acquisitions by one replica: the older one can neither release nor renew the newer lease', async () => {
    const keys = loopKeys('a:hash:run-1');
    const lease = new PollLease(client, 'replica-a', TTL_MS, SNAPSHOT_TTL_MS);
    const older = await lease.tryAcquire(keys);
    expect(older.token).toMatch(/^replica-a:[0-9a-f]{16}$/);
    expect(await holder('a:hash:run-1')).toBe(older.token);

    // The same replica asks again without presenting the lease it holds (an attempt started before it knew): refused.
    expect((await lease.tryAcquire(keys)).token).toBeNull();

    // Redis came back while this loop owned it: presenting its token takes it back, under a new value.
    const newer = await lease.tryAcquire(keys, older.token);
    expect(newer.token).not.toBeNull();
    expect(newer.token).not.toBe(older.token);
    expect(await holder('a:hash:run-1')).toBe(newer.token);

    // The older acquisition's late release and renewal leave the newer lease alone.
    await admin.pexpire(`${PREFIX}live:lease:a:hash:run-1`, 30_000);
    expect(await lease.release(keys, older.token!)).toBe(false);
    expect(await lease.renew(keys, older.token!)).toBe(false);
    expect(await holder('a:hash:run-1')).toBe(newer.token);
    expect(await admin.pttl(`${PREFIX}live:lease:a:hash:run-1`)).toBeLessThanOrEqual(30_000);

    // The newer one renews (a whole TTL again) and releases.
    expect(await lease.renew(keys, newer.token!)).toBe(true);
    expect(await admin.pttl(`${PREFIX}live:lease:a:hash:run-1`)).toBeGreaterThan(30_000);
    expect(await lease.release(keys, newer.token!)).toBe(true);
    expect(await holder('a:hash:run-1')).toBeNull();
  });

  it('two attempts presenting the same old token: one wins, and the loser cannot touch the winner', async () => {
    const keys = loopKeys('a:hash:run-2');
    const lease = new PollLease(client, 'replica-a', TTL_MS, SNAPSHOT_TTL_MS);
    const first = await lease.tryAcquire(keys);
    const [x, y] = await Promise.all([lease.tryAcquire(keys, first.token), lease.tryAcquire(keys, first.token)]);
    const tokens = [x.token, y.token].filter((token): token is string => token !== null);
    expect(tokens).toHaveLength(1);
    expect(await holder('a:hash:run-2')).toBe(tokens[0]);
    expect(await lease.release(keys, first.token!)).toBe(false);
    expect(await holder('a:hash:run-2')).toBe(tokens[0]);
  });

  it('another replica can neither take, renew nor release a held lease; it takes a free one with the snapshot', async () => {
    const keys = loopKeys('a:hash:run-3');
    const a = new PollLease(client, 'replica-a', TTL_MS, SNAPSHOT_TTL_MS);
    const b = new PollLease(client, 'replica-b', TTL_MS, SNAPSHOT_TTL_MS);
    const held = await a.tryAcquire(keys);
    const refused = await b.tryAcquire(keys);
    expect(refused.token).toBeNull();
    expect(refused.remainingMs).toBeGreaterThan(0);
    // Its own (or any other) value is not the lease's: nothing happens.
    const guessed = `replica-b:${held.token!.slice('replica-a:'.length)}`;
    expect(await b.renew(keys, guessed)).toBe(false);
    expect(await b.release(keys, guessed)).toBe(false);
    expect(await holder('a:hash:run-3')).toBe(held.token);

    const free = loopKeys('a:hash:run-4');
    await client.set(free.snapshot, '{"polledAt":1,"run":{"id":"run-4"}}');
    const taken = await b.tryAcquire(free);
    expect(taken.token).toMatch(/^replica-b:/);
    expect(taken.snapshot).toBe('{"polledAt":1,"run":{"id":"run-4"}}');
  });
});
