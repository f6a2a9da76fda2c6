import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { UpstreamProcessRun } from '../upstream/types';
import type { KeepRelayedRun, LoopCall, RunListener } from './live-event';
import { jsonOf, type Subscriber } from './loop-subscriber';
import { loopKeys, type LeaseToken, type LoopKeys, type PollLease } from './poll-lease';
import type { PollerObserver } from './poller-registry';
import { finalErrorOf, isTerminal, RunPoller, type PollTiming } from './run-poller';

/**
 * What goes over a loop's channel. `from` is the publishing replica's random id (its own messages are skipped).
 * `requestedAt`/`polledAt`: wall-clock ms when the poll's upstream request went out and when it was answered.
 */
export type LoopMessage =
  | { from: string; kind: 'run'; requestedAt?: number; polledAt: number; run: UpstreamProcessRun }
  | { from: string; kind: 'end'; error: { message: string; extensions: Record<string, unknown> } | null }
  | { from: string; kind: 'released' };

export type LeaseEvent = 'acquired' | 'taken-over' | 'lost' | 'released';

export interface SharedPollerObserver extends PollerObserver {
  /** Loops whose lease this replica holds. */
  onLeasesChanged?(owned: number): void;
  /** Loops this replica follows (another replica polls, this one relays). */
  onFollowedChanged?(followed: number): void;
  onLeaseEvent?(event: LeaseEvent): void;
  onModeChanged?(mode: 'shared' | 'local'): void;
}

// Past the lease's expiry before a follower asks again: clocks of Redis and the replica tick apart by a little.
const TAKEOVER_MARGIN_MS = 25;

export type Mode = 'pending' | 'owner' | 'follower' | 'local' | 'closed';

/** One poll of the loop's run, with the credentials of the subscriber that started it (LoopCall.requested). */
export type PollRun = (requested: NonNullable<LoopCall['requested']>) => Promise<UpstreamProcessRun>;

/** When the upstream was asked for a state and answered (wall-clock ms); requestedAt null: unknown (an older replica). */
interface PollTimes {
  requestedAt: number | null;
  polledAt: number;
}

/** What a loop gets from its registry: the shared connections and lease, the timing, and where to report changes. */
export interface LoopContext {
  client: Redis;
  subscriber: Redis;
  replicaId: string;
  lease: PollLease;
  timing: PollTiming;
  leaseTtlMs: number;
  snapshotTtlMs: number;
  observer: SharedPollerObserver;
  isShared(): boolean;
  modeChanged(from: Mode, to: Mode): void;
  pollerChanged(delta: number): void;
  closed(loop: SharedLoop): void;
}

/**
 * This replica's side of one (run, variant, credential) loop. Modes: `owner` (holds the lease, polls, publishes each
 * change and keeps the snapshot), `follower` (relays the owner's messages, tries to take the lease every third of its
 * TTL), `local` (Redis unreachable: polls for its own subscribers as one process would), `pending` (joining).
 */
export class SharedLoop {
  readonly subscribers = new Set<Subscriber>();
  readonly keys: LoopKeys;
  readonly channel: string;
  private mode: Mode = 'pending';
  private poller: RunPoller | null = null;
  /** The newest state known here: from this replica's polls, the channel or the snapshot. */
  private last: { run: UpstreamProcessRun; at: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  // Bumped by every change of mode: an async step that finds it changed gives up (a newer decision was taken).
  private epoch = 0;
  /** This loop's last acquisition of the lease while it may still hold it (kept through a Redis outage). */
  private leaseToken: LeaseToken | null = null;
  private readonly publisher: RunListener;
  /** The times of each state known here: what is published with it, and how old a relayed one is. */
  private readonly times = new WeakMap<UpstreamProcessRun, PollTimes>();

  constructor(
    readonly id: string,
    private readonly runId: string,
    channel: string,
    private readonly pollRun: PollRun,
    /** Where states polled by another replica go for this replica's reads (null: nowhere). */
    private readonly keepRelayed: KeepRelayedRun | null,
    private readonly context: LoopContext,
    private readonly logger: Logger,
  ) {
    this.keys = loopKeys(id);
    this.channel = channel;
    this.publisher = {
      emit: (run) => {
        this.note(run, 0);
        if (this.mode === 'owner') this.publish(run);
      },
      end: (error) => {
        if (this.mode !== 'owner') return;
        const message: LoopMessage = {
          from: context.replicaId,
          kind: 'end',
          error: error && { message: error.message, extensions: { ...error.extensions } },
        };
        context.client
          .publish(this.channel, JSON.stringify(message))
          .catch((err: unknown) => this.logger.debug({ err }, 'live: publishing the end failed'));
      },
    };
  }

  get isClosed(): boolean {
    return this.mode === 'closed';
  }

  get currentMode(): Mode {
    return this.mode;
  }

  start(): void {
    if (this.context.isShared()) void this.enterShared();
    else this.enterLocal();
  }

  join(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
    if (this.poller) this.poller.add(subscriber);
    else if (this.mode === 'follower') this.admit(subscriber);
    // pending: placed when the loop knows its mode.
  }

  leave(subscriber: Subscriber): void {
    if (!this.subscribers.delete(subscriber)) return;
    this.poller?.remove(subscriber);
    if (this.subscribers.size === 0) this.close();
  }

  /** Ends every subscriber here (null: completes them); the loop closes with the last. */
  endAll(error: GraphQLError | null): void {
    for (const subscriber of [...this.subscribers]) subscriber.end(error);
  }

  onMessage(message: LoopMessage): void {
    if (message.from === this.context.replicaId || this.mode === 'closed' || this.mode === 'local') return;
    if (message.kind === 'run') {
      this.noteRelayed(message.run, { requestedAt: message.requestedAt ?? null, polledAt: message.polledAt });
      if (this.mode === 'pending') return;
      for (const subscriber of [...this.subscribers]) subscriber.emit(message.run);
      if (this.mode === 'follower' && isTerminal(message.run.status)) this.endAll(null);
    } else if (message.kind === 'end') {
      if (this.mode === 'follower')
        this.endAll(message.error && new GraphQLError(message.error.message, { extensions: message.error.extensions }));
    } else if (this.mode === 'follower') {
      // The owner let go (its last subscriber left): take over now rather than at the next attempt.
      void this.tryTakeOver();
    }
  }

  /** Redis is (back) up: find the owner, or become it. */
  async enterShared(): Promise<void> {
    if (this.mode === 'closed') return;
    const epoch = ++this.epoch;
    this.clearTimer();
    try {
      await withTimeout(this.context.subscriber.subscribe(this.channel), Math.max(1_000, this.context.leaseTtlMs));
      if (epoch !== this.epoch) return;
      const { token, snapshot, remainingMs } = await this.context.lease.tryAcquire(this.keys, this.leaseToken);
      if (epoch !== this.epoch) return await this.dropStaleAcquisition(token);
      this.noteSnapshot(snapshot);
      if (token) this.becomeOwner('acquired', token);
      else {
        this.leaseToken = null;
        this.becomeFollower(remainingMs);
      }
    } catch (error) {
      if (epoch !== this.epoch) return;
      this.logger.debug({ err: error }, 'live: joining the shared loop failed; polling locally for now');
      this.enterLocal();
      // Redis answered the state change but not this: try again later while it is up.
      if (this.context.isShared()) this.setTimer(() => void this.enterShared(), this.context.leaseTtlMs / 3);
    }
  }

  /** Redis is unreachable: poll for this replica's subscribers, as one process would. */
  enterLocal(): void {
    if (this.mode === 'closed' || this.mode === 'local') return;
    this.epoch += 1;
    this.clearTimer();
    this.setMode('local');
    this.ensurePoller();
  }

  private becomeOwner(event: LeaseEvent, token: LeaseToken): void {
    this.leaseToken = token;
    this.setMode('owner');
    this.context.observer.onLeaseEvent?.(event);
    this.ensurePoller();
    const epoch = this.epoch;
    const renew = () => {
      this.context.lease
        .renew(this.keys, token)
        .then((held) => {
          if (epoch !== this.epoch) return;
          if (held) return this.setTimer(renew, this.context.leaseTtlMs / 3);
          this.leaseToken = null;
          this.logger.warn({ live: { runId: this.runId } }, 'live: lease lost to another replica; following it');
          this.context.observer.onLeaseEvent?.('lost');
          this.becomeFollower(this.context.leaseTtlMs);
        })
        .catch((error: unknown) => {
          // A slow or failed renewal: keep polling; the connection's state decides about local mode.
          if (epoch !== this.epoch) return;
          this.logger.debug({ err: error }, 'live: lease renewal failed');
          this.setTimer(renew, this.context.leaseTtlMs / 3);
        });
    };
    this.setTimer(renew, this.context.leaseTtlMs / 3);
  }

  private becomeFollower(leaseRemainingMs: number): void {
    this.epoch += 1;
    this.setMode('follower');
    this.dropPoller();
    for (const subscriber of [...this.subscribers]) {
      if (subscriber.seen === null) this.admit(subscriber);
      else if (this.last) subscriber.emit(this.last.run);
    }
    this.scheduleTakeOver(leaseRemainingMs);
  }

  /**
   * The next attempt comes just after the lease would expire unless renewed: a dead owner's loop is taken over
   * within one lease TTL of its last renewal, and a live owner costs each follower about one command per TTL.
   */
  private scheduleTakeOver(leaseRemainingMs: number): void {
    const delay = Math.min(leaseRemainingMs, this.context.leaseTtlMs) + TAKEOVER_MARGIN_MS * (1 + Math.random());
    this.setTimer(() => void this.tryTakeOver(), delay);
  }

  private async tryTakeOver(): Promise<void> {
    if (this.mode !== 'follower') return;
    const epoch = this.epoch;
    try {
      const { token, snapshot, remainingMs } = await this.context.lease.tryAcquire(this.keys);
      if (epoch !== this.epoch || this.mode !== 'follower') return await this.dropStaleAcquisition(token);
      if (token) {
        this.noteSnapshot(snapshot);
        this.epoch += 1;
        this.logger.info({ live: { runId: this.runId } }, 'live: took over a shared poll loop');
        this.becomeOwner('taken-over', token);
        return;
      }
      this.catchUp(snapshot);
      if (this.mode !== 'follower') return;
      this.scheduleTakeOver(remainingMs);
    } catch (error) {
      if (epoch !== this.epoch) return;
      this.logger.debug({ err: error }, 'live: lease attempt failed');
      this.scheduleTakeOver(this.context.leaseTtlMs / 3);
    }
  }

  /**
   * An attempt whose loop has moved on (a newer decision was taken meanwhile) took the lease: give back exactly that
   * acquisition (a newer one of this loop is left alone), and let a follower take the now free lease at once.
   */
  private async dropStaleAcquisition(token: LeaseToken | null): Promise<void> {
    if (!token) return;
    const released = await this.context.lease.release(this.keys, token);
    if (released && this.mode === 'follower') void this.tryTakeOver();
  }

  /**
   * The subscriber connection came back after a drop (Redis closes one that falls behind its pub/sub output buffer
   * limit): messages published meanwhile are lost, so once subscribed again read the snapshot and the lease.
   */
  async resubscribed(): Promise<void> {
    if (this.mode !== 'follower') return;
    const epoch = this.epoch;
    try {
      await withTimeout(this.context.subscriber.subscribe(this.channel), Math.max(1_000, this.context.leaseTtlMs));
    } catch (error) {
      // The takeover attempts still read the snapshot once per lease TTL.
      this.logger.debug({ err: error }, 'live: subscribing again failed');
      return;
    }
    if (epoch === this.epoch) await this.tryTakeOver();
  }

  /**
   * A follower's subscribers get the snapshot when it is newer than what they saw: pub/sub is at-most-once, so a
   * change, or the completion, whose message was lost still arrives, at the latest with the next takeover attempt.
   */
  private catchUp(text: string | null): void {
    const run = this.noteSnapshot(text);
    if (!run || this.mode !== 'follower') return;
    for (const subscriber of [...this.subscribers]) subscriber.emit(run);
    if (isTerminal(run.status)) this.endAll(null);
  }

  /**
   * A subscriber of a loop polled by another replica. Its own credential reads the run once now (the same rule as
   * one process: a state this credential read less than an interval ago will do).
   */
  private admit(subscriber: Subscriber): void {
    if (this.last && performance.now() - this.last.at < this.context.timing.pollIntervalMs) {
      subscriber.emit(this.last.run);
      if (isTerminal(this.last.run.status)) subscriber.end(null);
      return;
    }
    subscriber.fetchRun().then(
      (run) => {
        if (!this.subscribers.has(subscriber)) return;
        subscriber.emit(run);
        if (isTerminal(run.status)) subscriber.end(null);
      },
      (error: unknown) => {
        if (!this.subscribers.has(subscriber)) return;
        const final = finalErrorOf(error);
        if (final) return subscriber.end(final);
        // Passing trouble: the last known state if any; the owner's next change (or a takeover) brings the rest.
        if (this.last) return subscriber.emit(this.last.run);
        const retry = setTimeout(() => {
          if (this.mode === 'follower' && subscriber.seen === null && this.subscribers.has(subscriber))
            this.admit(subscriber);
        }, this.context.timing.pollIntervalMs);
        retry.unref();
      },
    );
  }

  /** One poll for the RunPoller, remembering when its upstream request went out and when it was answered. */
  private readonly poll = async (): Promise<UpstreamProcessRun> => {
    let requestedAt = Date.now();
    const run = await this.pollRun((answer) => (requestedAt = answer.requestedAt));
    this.times.set(run, { requestedAt, polledAt: Date.now() });
    return run;
  };

  private publish(run: UpstreamProcessRun): void {
    // A state this replica did not poll (a snapshot it started from) keeps the times of the poll that read it.
    const { requestedAt, polledAt } = this.times.get(run) ?? { requestedAt: null, polledAt: Date.now() };
    const runJson = jsonOf(run);
    const requested = requestedAt === null ? '' : `"requestedAt":${requestedAt},`;
    // Written by hand so the run's JSON is encoded once for both.
    const snapshot = `{${requested}"polledAt":${polledAt},"run":${runJson}}`;
    const message = `{"from":${JSON.stringify(this.context.replicaId)},"kind":"run",${requested}"polledAt":${polledAt},"run":${runJson}}`;
    this.context.client
      .multi()
      .set(this.keys.snapshot, snapshot, 'PX', this.context.snapshotTtlMs)
      .publish(this.channel, message)
      .exec()
      .catch((error: unknown) => this.logger.debug({ err: error }, 'live: publishing a change failed'));
  }

  /** Keeps the run as the newest known state unless an older revision; returns whether it did. */
  private note(run: UpstreamProcessRun, ageMs: number): boolean {
    if (this.last && run.revision < this.last.run.revision) return false;
    this.last = { run, at: performance.now() - Math.max(0, ageMs) };
    return true;
  }

  /**
   * A state another replica polled (channel or snapshot): noted like this replica's own, and kept where this
   * replica's reads of the run look, aged from that poll. Returns whether it was noted.
   */
  private noteRelayed(run: UpstreamProcessRun, times: PollTimes): boolean {
    if (!this.note(run, Date.now() - times.polledAt)) return false;
    this.times.set(run, times);
    if (!this.keepRelayed || times.requestedAt === null) return true;
    try {
      this.keepRelayed({ run, json: jsonOf(run), requestedAt: times.requestedAt, polledAt: times.polledAt });
    } catch (error) {
      // Only a later read's cache hit is lost; this runs in Redis's message handler, which must not throw.
      this.logger.warn({ err: error }, 'live: keeping a relayed state for reads failed');
    }
    return true;
  }

  /** The snapshot's run when it was noted (not older than the newest known state). */
  private noteSnapshot(text: string | null): UpstreamProcessRun | null {
    if (text === null) return null;
    let snapshot: { requestedAt?: number; polledAt: number; run: UpstreamProcessRun };
    try {
      snapshot = JSON.parse(text) as typeof snapshot;
    } catch {
      this.logger.debug({ live: { runId: this.runId } }, 'live: unreadable snapshot ignored');
      return null;
    }
    const times = { requestedAt: snapshot.requestedAt ?? null, polledAt: snapshot.polledAt };
    return this.noteRelayed(snapshot.run, times) ? snapshot.run : null;
  }

  private ensurePoller(): void {
    if (this.poller) return;
    const poller: RunPoller = new RunPoller(
      this.poll,
      this.context.timing,
      {
        onPoll: this.context.observer.onPoll,
        onStopped: () => {
          if (this.poller !== poller) return;
          this.poller = null;
          this.context.pollerChanged(-1);
        },
      },
      this.logger,
    );
    this.poller = poller;
    this.context.pollerChanged(1);
    if (this.last) poller.seed(this.last.run, performance.now() - this.last.at);
    poller.add(this.publisher);
    for (const subscriber of this.subscribers) poller.add(subscriber);
  }

  /** Stops this replica's poller without ending its subscribers (another replica polls for them now). */
  private dropPoller(): void {
    const poller = this.poller;
    if (!poller) return;
    this.poller = null;
    this.context.pollerChanged(-1);
    for (const subscriber of this.subscribers) poller.remove(subscriber);
    poller.remove(this.publisher);
  }

  private close(): void {
    if (this.mode === 'closed') return;
    const wasOwner = this.mode === 'owner';
    this.epoch += 1;
    this.clearTimer();
    this.dropPoller();
    this.setMode('closed');
    const { client, subscriber, lease, replicaId } = this.context;
    const token = this.leaseToken;
    this.leaseToken = null;
    if (wasOwner && token) {
      this.context.observer.onLeaseEvent?.('released');
      const released: LoopMessage = { from: replicaId, kind: 'released' };
      lease
        .release(this.keys, token)
        .then(() => client.publish(this.channel, JSON.stringify(released)))
        .catch((error: unknown) =>
          this.logger.debug({ err: error }, 'live: releasing the lease failed (it expires by itself)'),
        );
    }
    subscriber.unsubscribe(this.channel).catch(() => undefined);
    this.context.closed(this);
  }

  private setMode(mode: Mode): void {
    const from = this.mode;
    this.mode = mode;
    if (from !== mode) this.context.modeChanged(from, mode);
  }

  private setTimer(fn: () => void, delayMs: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      fn();
    }, delayMs);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from redis within ${ms} ms`)), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
