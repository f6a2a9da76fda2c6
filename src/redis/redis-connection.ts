import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisConfig } from '../config/redis-config';

/** 'starting' until the first connection attempt settles. */
export type RedisState = 'starting' | 'up' | 'down';

// One heartbeat a second: it is the health probe (a hung Redis keeps its socket open) and the replica registration.
const HEARTBEAT_INTERVAL_MS = 1_000;
// A replica missing this long is gone: five missed heartbeats, so a busy event loop does not drop a live one.
const REPLICA_TTL_MS = 5_000;
const REPLICAS_KEY = 'replicas';

// Registers this replica until now + TTL, forgets the expired ones, and counts the rest, on Redis's own clock.
const HEARTBEAT = `
local time = redis.call('time')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('zadd', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('zremrangebyscore', KEYS[1], '-inf', now)
redis.call('pexpire', KEYS[1], ARGV[2])
return redis.call('zcard', KEYS[1])`;

/**
 * The command connection to Redis and whether it is usable right now. Nothing waits on it: commands fail at once
 * while it is down (no offline queue), so every user of it has a local answer ready. ioredis reconnects by itself;
 * each change of state is logged once.
 *
 * 'up' needs an open connection and a heartbeat answered within REDIS_COMMAND_TIMEOUT_MS: a frozen Redis keeps its
 * sockets open and answers nothing. While down its users skip Redis (`available` is the circuit) and the next
 * heartbeat is the probe that closes it again. The heartbeat also registers this replica and counts the replicas.
 *
 * Shared live pollers also use a second connection in subscriber mode (`subscriber()`), built from the same URL; the
 * command connection's state stands for both (a drop of the subscriber alone is handled by its users on reconnect).
 */
export class RedisConnection {
  readonly client: Redis;
  private current: RedisState = 'starting';
  private readonly listeners: Array<(state: RedisState) => void> = [];
  private closing = false;
  private subscriberClient: Redis | null = null;
  /** The command connection is open (ioredis 'ready' and no 'close' since). */
  private linked = false;
  private heartbeatInFlight = false;
  private readonly heartbeatTimer: NodeJS.Timeout;
  private readonly replicaId = randomBytes(8).toString('hex');
  private replicas: number | null = null;

  constructor(
    private readonly config: RedisConfig,
    private readonly logger: Logger,
  ) {
    this.client = new Redis(config.url, {
      // Every key this client writes carries the prefix (Lua script keys included); channels are not prefixed.
      keyPrefix: config.keyPrefix,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: config.commandTimeoutMs,
      connectTimeout: 2_000,
      // Keep trying, at most every 2 s: the shared mode comes back on its own.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
      connectionName: 'process-runs-gateway',
    });
    // Up once a heartbeat answers on the new connection, not at the connection itself.
    this.client.on('ready', () => {
      this.linked = true;
      this.heartbeat();
    });
    this.client.on('close', () => {
      this.linked = false;
      this.enter('down');
    });
    this.heartbeatTimer = setInterval(() => this.heartbeat(), HEARTBEAT_INTERVAL_MS);
    this.heartbeatTimer.unref();
    // ioredis repeats the connection error on every reconnect attempt; the state change has already been logged.
    this.client.on('error', (error: Error) => {
      if (this.current !== 'up') this.enter('down', error);
      else this.logger.debug({ err: error, redis: { target: config.target } }, 'redis error');
    });
  }

  get state(): RedisState {
    return this.current;
  }

  /** The circuit: false while Redis is down, so callers answer locally at once instead of waiting on a command. */
  get available(): boolean {
    return this.current === 'up';
  }

  /** Replicas registered by their heartbeats at the last one this replica saw answered; null before the first. */
  get replicasSeen(): number | null {
    return this.replicas;
  }

  /** A user's command failed or timed out while Redis looked up: probe now rather than at the next heartbeat. */
  reportTrouble(): void {
    if (this.current === 'up') this.heartbeat();
  }

  get keyPrefix(): string {
    return this.config.keyPrefix;
  }

  /** A channel name with the key prefix (ioredis prefixes keys, not channels). */
  channel(name: string): string {
    return `${this.config.keyPrefix}${name}`;
  }

  /**
   * The subscriber-mode connection, made on first use. Unlike the command connection it queues while disconnected
   * (a SUBSCRIBE waits for the reconnect instead of failing) and resubscribes its channels by itself after one; what
   * was published while it was away is lost, so its users re-read their state on each 'ready' after the first.
   */
  subscriber(): Redis {
    if (this.subscriberClient) return this.subscriberClient;
    const client = new Redis(this.config.url, {
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      autoResubscribe: true,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
      connectionName: 'process-runs-gateway:subscriber',
    });
    // Outages of the whole server are logged by the command connection; this one alone drops when Redis closes a
    // subscriber that fell behind (its pub/sub output buffer limit). Its users catch up on 'ready' after a drop.
    client.on('error', (error: Error) =>
      this.logger.debug({ err: error, redis: { target: this.config.target } }, 'redis subscriber error'),
    );
    let wasReady = false;
    client.on('ready', () => {
      if (wasReady) this.logger.info({ redis: { target: this.config.target } }, 'redis subscriber connection back');
      wasReady = true;
    });
    client.on('close', () => {
      if (wasReady && !this.closing && this.current === 'up') {
        this.logger.warn(
          { redis: { target: this.config.target } },
          'redis subscriber connection lost (redis up): followers catch up when it is back',
        );
      }
    });
    this.subscriberClient = client;
    return client;
  }

  onStateChange(listener: (state: RedisState) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeatTimer);
    this.subscriberClient?.disconnect();
    // Leaving: the other replicas count one less at their next heartbeat instead of after the TTL.
    if (this.current === 'up') await this.client.zrem(REPLICAS_KEY, this.replicaId).catch(() => undefined);
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private heartbeat(): void {
    if (this.heartbeatInFlight || this.closing || !this.linked) return;
    this.heartbeatInFlight = true;
    // commandTimeout bounds it: a frozen Redis fails it after REDIS_COMMAND_TIMEOUT_MS.
    this.client.eval(HEARTBEAT, 1, REPLICAS_KEY, this.replicaId, REPLICA_TTL_MS).then(
      (count) => {
        this.heartbeatInFlight = false;
        this.replicas = Number(count);
        if (this.linked) this.enter('up');
      },
      (error: Error) => {
        this.heartbeatInFlight = false;
        this.enter('down', error);
      },
    );
  }

  private enter(state: RedisState, error?: Error): void {
    if (state === this.current || this.closing) return;
    this.current = state;
    const redis = { target: this.config.target, state };
    if (state === 'up') this.logger.info({ redis }, 'redis up: shared state in use');
    else
      this.logger.warn(
        { redis, err: error && { message: error.message } },
        'redis unreachable: each replica uses its local fallback until it is back',
      );
    for (const listener of this.listeners) listener(state);
  }
}
