import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisConfig } from '../config/redis-config';

/** 'starting' until the first connection attempt settles. */
export type RedisState = 'starting' | 'up' | 'down';

/**
 * The command connection to Redis and whether it is usable right now. Nothing waits on it: commands fail at once
 * while it is down (no offline queue), so every user of it has a local answer ready. ioredis reconnects by itself;
 * each change of state is logged once.
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
    this.client.on('ready', () => this.enter('up'));
    this.client.on('close', () => this.enter('down'));
    // ioredis repeats the connection error on every reconnect attempt; the state change has already been logged.
    this.client.on('error', (error: Error) => {
      if (this.current !== 'up') this.enter('down', error);
      else this.logger.debug({ err: error, redis: { target: config.target } }, 'redis error');
    });
  }

  get state(): RedisState {
    return this.current;
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
    client.on('error', (error: Error) => this.logger.debug({ err: error, redis: { target: this.config.target } }, 'redis subscriber error'));
    let wasReady = false;
    client.on('ready', () => {
      if (wasReady) this.logger.info({ redis: { target: this.config.target } }, 'redis subscriber connection back');
      wasReady = true;
    });
    client.on('close', () => {
      if (wasReady && !this.closing && this.current === 'up') {
        this.logger.warn({ redis: { target: this.config.target } }, 'redis subscriber connection lost (redis up): followers catch up when it is back');
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
    this.subscriberClient?.disconnect();
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private enter(state: RedisState, error?: Error): void {
    if (state === this.current || this.closing) return;
    this.current = state;
    const redis = { target: this.config.target, state };
    if (state === 'up') this.logger.info({ redis }, 'redis up: shared state in use');
    else this.logger.warn({ redis, err: error && { message: error.message } }, 'redis unreachable: each replica uses its local fallback until it is back');
    for (const listener of this.listeners) listener(state);
  }
}
