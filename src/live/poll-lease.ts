import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

// The lease's value is `<replica id>:<nonce>`, a fresh nonce per acquisition, and every script compares the whole
// value: an attempt that finished late (its loop has moved on) can only release or renew its own acquisition, never
// a newer one of the same replica, nor another replica's.
const RENEW = `
if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('pexpire', KEYS[1], ARGV[2])
  redis.call('pexpire', KEYS[2], ARGV[3])
  return 1
end
return 0`;

// Takes a free lease, or replaces the one this loop last held (ARGV[3]: Redis came back while it owned the loop)
// with the new value, and reads the snapshot in the same step. Returns {taken, snapshot or nil, the lease's
// remaining ms}. Replacing, not keeping, the old value: two attempts that both present it get one winner.
const ACQUIRE = `
local holder = redis.call('get', KEYS[1])
local taken = 0
if (not holder) or (ARGV[3] ~= '' and holder == ARGV[3]) then
  redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
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

/** What one successful acquisition wrote; renew and release act only while the lease still holds exactly it. */
export type LeaseToken = string;

export interface AcquireResult {
  /** Set when this attempt took the lease. */
  token: LeaseToken | null;
  /** The last snapshot's text, null when none. */
  snapshot: string | null;
  /** The lease's remaining ms. */
  remainingMs: number;
}

/**
 * The lease on one poll loop: a key holding the owner's replica id and a per-acquisition nonce, with a TTL. Taking
 * it is a set-if-absent with a TTL (read together with the last snapshot, so a new owner starts from it, and the
 * lease's remaining time, so a follower asks again right when it would expire); the owner renews it, and the
 * snapshot's TTL with it, every third of the TTL.
 */
export class PollLease {
  constructor(
    private readonly client: Redis,
    private readonly replicaId: string,
    private readonly ttlMs: number,
    private readonly snapshotTtlMs: number,
  ) {}

  /**
   * Tries to take the lease. `held` is the token of this loop's last acquisition, if it may still hold it (it owned
   * the loop when Redis went away): the lease is taken back when it is still exactly that.
   */
  async tryAcquire(keys: LoopKeys, held: LeaseToken | null = null): Promise<AcquireResult> {
    const token = `${this.replicaId}:${randomBytes(8).toString('hex')}`;
    const [taken, snapshot, remainingMs] = (await this.client.eval(
      ACQUIRE,
      2,
      keys.lease,
      keys.snapshot,
      token,
      this.ttlMs,
      held ?? '',
    )) as [number, string | null, number];
    return {
      token: taken === 1 ? token : null,
      snapshot: typeof snapshot === 'string' ? snapshot : null,
      remainingMs: Math.max(0, Number(remainingMs)),
    };
  }

  /** True while the lease still holds this acquisition (and it now lasts another TTL); false once it does not. */
  async renew(keys: LoopKeys, token: LeaseToken): Promise<boolean> {
    const held = await this.client.eval(RENEW, 2, keys.lease, keys.snapshot, token, this.ttlMs, this.snapshotTtlMs);
    return held === 1;
  }

  /** Drops the lease if it still holds this acquisition; true when it did. */
  async release(keys: LoopKeys, token: LeaseToken): Promise<boolean> {
    return (await this.client.eval(RELEASE, 1, keys.lease, token)) === 1;
  }
}
