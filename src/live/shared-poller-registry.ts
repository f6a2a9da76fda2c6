import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { RedisConnection, RedisState } from '../redis/redis-connection';
import type { FetchRun, KeepRelayedRun, PollKey, RunListener } from './live-event';
import { loopCall, pollKeyString } from './live-event';
import { Subscriber } from './loop-subscriber';
import { PollLease } from './poll-lease';
import type { PollerRegistry } from './poller-registry';
import type { PollTiming } from './run-poller';
import { SharedLoop, type LoopContext, type LoopMessage, type Mode, type SharedPollerObserver } from './shared-loop';

export type { LeaseEvent, SharedPollerObserver } from './shared-loop';

export interface SharedPollerRegistryOptions {
  connection: RedisConnection;
  timing: PollTiming;
  /** LIVE_LEASE_TTL_MS. */
  leaseTtlMs: number;
  observer?: SharedPollerObserver;
  logger: Logger;
}

/**
 * Poll loops shared by all replicas through Redis: one loop per key across the replicas, polled by the replica that
 * holds its lease; the others relay its changes. While Redis is unreachable every replica polls for its own
 * subscribers (the in-memory behaviour), and shares again once it is back. See docs/scale-out.md.
 */
export class SharedPollerRegistry implements PollerRegistry {
  private readonly loops = new Map<string, SharedLoop>();
  private readonly byChannel = new Map<string, SharedLoop>();
  private readonly context: LoopContext;
  private readonly observer: SharedPollerObserver;
  private shared: boolean;
  /** Whether the connection has left 'starting' (its first 'up' is no comeback). */
  private settled: boolean;
  private pollers = 0;
  private owned = 0;
  private followed = 0;

  constructor(private readonly options: SharedPollerRegistryOptions) {
    const { connection, timing, leaseTtlMs, logger } = options;
    this.observer = options.observer ?? {};
    const replicaId = randomBytes(8).toString('hex');
    // Long enough to outlive a takeover; the owner's renewals extend it while the loop runs.
    const snapshotTtlMs = 2 * Math.max(leaseTtlMs, timing.pollIntervalMs);
    const subscriber = connection.subscriber();
    this.context = {
      client: connection.client,
      subscriber,
      replicaId,
      lease: new PollLease(connection.client, replicaId, leaseTtlMs, snapshotTtlMs),
      timing,
      leaseTtlMs,
      snapshotTtlMs,
      observer: this.observer,
      isShared: () => this.shared,
      modeChanged: (from, to) => this.modeChanged(from, to),
      pollerChanged: (delta) => {
        this.pollers += delta;
        this.observer.onPollersChanged?.(this.pollers);
      },
      closed: (loop) => {
        if (this.loops.get(loop.id) === loop) this.loops.delete(loop.id);
        if (this.byChannel.get(loop.channel) === loop) this.byChannel.delete(loop.channel);
      },
    };
    // Every 'ready' after the first is a reconnect: the followers catch up on what the drop lost.
    let subscriberWasReady = subscriber.status === 'ready';
    subscriber.on('ready', () => {
      const reconnect = subscriberWasReady;
      subscriberWasReady = true;
      if (!reconnect || !this.shared) return;
      for (const loop of [...this.loops.values()]) void loop.resubscribed();
    });
    subscriber.on('message', (channel: string, text: string) => {
      const loop = this.byChannel.get(channel);
      if (!loop) return;
      let message: LoopMessage;
      try {
        message = JSON.parse(text) as LoopMessage;
      } catch {
        return;
      }
      loop.onMessage(message);
    });
    this.shared = connection.state === 'up';
    this.settled = connection.state !== 'starting';
    if (this.settled) this.observer.onModeChanged?.(this.shared ? 'shared' : 'local');
    connection.onStateChange((state) => this.redisStateChanged(state));
    logger.info({ live: { replicaId, leaseTtlMs } }, 'live pollers: shared through redis while it is reachable');
  }

  get activePollers(): number {
    return this.pollers;
  }

  /** Loops whose lease this replica holds. */
  get ownedLoops(): number {
    return this.owned;
  }

  /** Loops polled by another replica for subscribers here. */
  get followedLoops(): number {
    return this.followed;
  }

  get mode(): 'shared' | 'local' {
    return this.shared ? 'shared' : 'local';
  }

  join(key: PollKey, fetchRun: FetchRun, listener: RunListener, keepRelayed?: KeepRelayedRun): () => void {
    const id = pollKeyString(key);
    let loop = this.loops.get(id);
    let created = false;
    if (!loop || loop.isClosed) {
      const call = loopCall(this.options.logger, key.runId);
      loop = new SharedLoop(
        id,
        key.runId,
        this.options.connection.channel(`live:${id}`),
        (requested) => fetchRun({ ...call, requested }),
        keepRelayed ?? null,
        this.context,
        call.logger,
      );
      this.loops.set(id, loop);
      this.byChannel.set(loop.channel, loop);
      created = true;
    }
    const joined = loop;
    const subscriber = new Subscriber(listener, fetchRun, (ended) => joined.leave(ended));
    joined.join(subscriber);
    if (created) joined.start();
    return () => joined.leave(subscriber);
  }

  closeAll(): void {
    for (const loop of [...this.loops.values()]) loop.endAll(null);
  }

  private redisStateChanged(state: RedisState): void {
    const shared = state === 'up';
    const first = !this.settled;
    this.settled = true;
    if (!first && shared === this.shared) return;
    this.shared = shared;
    this.observer.onModeChanged?.(shared ? 'shared' : 'local');
    const live = { loops: this.loops.size };
    if (!shared)
      this.options.logger.warn({ live }, 'live pollers: redis unreachable, each replica polls for its own subscribers');
    else if (first) this.options.logger.info({ live }, 'live pollers: redis up, sharing poll loops');
    else this.options.logger.info({ live }, 'live pollers: redis back, sharing poll loops again');
    for (const loop of [...this.loops.values()]) {
      if (shared) void loop.enterShared();
      else loop.enterLocal();
    }
  }

  private modeChanged(from: Mode, to: Mode): void {
    if (from === 'owner') this.owned -= 1;
    if (to === 'owner') this.owned += 1;
    if (from === 'follower') this.followed -= 1;
    if (to === 'follower') this.followed += 1;
    if (from === 'owner' || to === 'owner') this.observer.onLeasesChanged?.(this.owned);
    if (from === 'follower' || to === 'follower') this.observer.onFollowedChanged?.(this.followed);
  }
}
