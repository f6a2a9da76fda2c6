import type { Redis } from 'ioredis';

// Compare-and-act scripts: only the replica named in the lease may extend or drop it, so an owner that paused past
// its TTL cannot take back a loop another replica has taken over (nor delete that replica's lease).
const RENEW = `
if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('pexpire', KEYS[1], ARGV[2])
  redis.call('pexpire', KEYS[2], ARGV[3])
  return 1
end
return 0`;

// Takes a free lease, keeps one this replica already holds (Redis came back while it owned the loop), and reads the
// snapshot in the same step. Returns {taken, snapshot or nil, the lease's remaining ms}.
const ACQUIRE = `
local holder = redis.call('get', KEYS[1])
local taken = 0
if not holder then
  redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
  taken = 1
elseif holder == ARGV[1] then
  redis.call('pexpire', KEYS[1], ARGV[2])
  taken = 1
end
return {taken, redis.call('get', KEYS[2]), redis.call('pttl', KEYS[1])}`;

const RELEASE = `
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0`;

/** The Redis keys of one shared poll loop (the client adds REDIS_KEY_PREFIX). */
export interface LoopKeys {
  lease: string;
  snapshot: string;
}

export function loopKeys(loopId: string): LoopKeys {
  return { lease: `live:lease:${loopId}`, snapshot: `live:snapshot:${loopId}` };
}

/**
 * The lease on one poll loop: a key holding the owner's replica id with a TTL. Taking it is a set-if-absent with a
 * TTL (read together with the last snapshot, so a new owner starts from it, and the lease's remaining time, so a
 * follower asks again right when it would expire); the owner renews it, and the snapshot's TTL with it, every third
 * of the TTL.
 */
export class PollLease {
  constructor(
    private readonly client: Redis,
    private readonly replicaId: string,
    private readonly ttlMs: number,
    private readonly snapshotTtlMs: number,
  ) {}

  /** Tries to take the lease; also returns the last snapshot's text (null when none) and the lease's remaining ms. */
  async tryAcquire(keys: LoopKeys): Promise<{ acquired: boolean; snapshot: string | null; remainingMs: number }> {
    const [taken, snapshot, remainingMs] = (await this.client.eval(ACQUIRE, 2, keys.lease, keys.snapshot, this.replicaId, this.ttlMs)) as [
      number,
      string | null,
      number,
    ];
    return { acquired: taken === 1, snapshot: typeof snapshot === 'string' ? snapshot : null, remainingMs: Math.max(0, Number(remainingMs)) };
  }

  /** True while this replica still holds it (and it now lasts another TTL); false when another replica has it. */
  async renew(keys: LoopKeys): Promise<boolean> {
    const held = await this.client.eval(RENEW, 2, keys.lease, keys.snapshot, this.replicaId, this.ttlMs, this.snapshotTtlMs);
    return held === 1;
  }

  async release(keys: LoopKeys): Promise<void> {
    await this.client.eval(RELEASE, 1, keys.lease, this.replicaId);
  }
}
