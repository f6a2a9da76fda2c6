import type { Logger } from 'pino';
import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { LiveConfig } from '../config/live-config';
import { gatewayError } from '../errors/gateway-error';
import type { CallerHashes } from '../identity/caller-hashes';
import type { FetchRun, KeepRelayedRun, LiveEvent } from './live-event';
import type { LiveMetrics } from './live-metrics';
import { InMemoryPollerRegistry, type PollerRegistry } from './poller-registry';

export interface WatchRequest {
  runId: string;
  excludeGeneratedJobs: boolean;
  callerAuthorization: string | null;
  /** The client connection (a WebSocket, or the HTTP request's socket) the per-connection bound counts on. */
  connection: object | null;
  fetchRun: FetchRun;
  /** Keeps a state another replica's poll of this run read (with REDIS_URL) where this caller's reads find it. */
  keepRelayed?: KeepRelayedRun;
}

export interface LiveRunsOptions {
  config: LiveConfig;
  /** Names the credential in a poll key (one key for all callers in client-credentials mode). */
  callerHashes: CallerHashes;
  logger: Logger;
  metrics?: LiveMetrics | null;
  /** Default: the in-memory registry (one process). */
  registry?: PollerRegistry;
}

// Enough for a slow reader: a run's intermediate states may be dropped for it, the newest never is.
const EVENTS_BUFFERED_PER_SUBSCRIBER = 8;

/** The live-run service: bounds, credential hashing and shutdown around the shared poll loops. */
export class LiveRuns {
  readonly registry: PollerRegistry;
  private readonly perConnection = new WeakMap<object, number>();
  private active = 0;
  private stopping = false;
  private readonly closers = new Set<() => void>();

  constructor(private readonly options: LiveRunsOptions) {
    const metrics = options.metrics;
    this.registry =
      options.registry ??
      new InMemoryPollerRegistry(options.config, options.logger, {
        onPoll: metrics ? (outcome) => metrics.polled(outcome) : undefined,
        onPollersChanged: metrics ? (active) => metrics.pollersChanged(active) : undefined,
      });
  }

  get activeSubscriptions(): number {
    return this.active;
  }

  /** The events of one subscription. Refuses (throws) beyond the bounds or while shutting down. */
  watch(request: WatchRequest): AsyncIterableIterator<LiveEvent> {
    const { config, metrics } = this.options;
    if (this.stopping) {
      metrics?.refused('shutting-down');
      throw gatewayError(
        'SHUTTING_DOWN',
        'This gateway is shutting down; subscribe again (another replica will answer).',
      );
    }
    if (this.active >= config.maxSubscriptions) {
      metrics?.refused('limit-process');
      throw gatewayError(
        'SUBSCRIPTION_LIMIT_EXCEEDED',
        'This gateway has as many open subscriptions as it allows; try again later.',
      );
    }
    const connection = request.connection;
    const onConnection = connection ? (this.perConnection.get(connection) ?? 0) : 0;
    if (connection && onConnection >= config.maxSubscriptionsPerConnection) {
      metrics?.refused('limit-connection');
      throw gatewayError(
        'SUBSCRIPTION_LIMIT_EXCEEDED',
        'This connection has as many open subscriptions as it allows; close one first.',
      );
    }
    this.active += 1;
    if (connection) this.perConnection.set(connection, onConnection + 1);
    metrics?.subscriptionsChanged(this.active);

    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.active -= 1;
      if (connection) this.perConnection.set(connection, (this.perConnection.get(connection) ?? 1) - 1);
      metrics?.subscriptionsChanged(this.active);
    };
    const key = {
      runId: request.runId,
      excludeGeneratedJobs: request.excludeGeneratedJobs,
      credentialHash: this.options.callerHashes.pollKey(request.callerAuthorization),
    };
    const events = new Repeater<LiveEvent>(async (push, stop) => {
      const complete = () => stop();
      this.closers.add(complete);
      const leave = this.registry.join(
        key,
        request.fetchRun,
        {
          emit: (run) => {
            metrics?.emitted();
            void push({ kind: 'run', run });
          },
          end: (error) => {
            if (error) void push({ kind: 'error', error });
            stop();
          },
        },
        request.keepRelayed,
      );
      try {
        await stop;
      } finally {
        this.closers.delete(complete);
        leave();
        release();
      }
    }, new SlidingBuffer(EVENTS_BUFFERED_PER_SUBSCRIBER));

    // A client that leaves before the first event was pulled never starts the Repeater; release its place all the same.
    return {
      next: () => events.next(),
      return: (value?: unknown) => {
        release();
        return events.return(value as never);
      },
      throw: (error?: unknown) => {
        release();
        return events.throw(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** SIGTERM: refuse new subscriptions and complete every open one (clients reconnect elsewhere). */
  shutdown(): void {
    this.stopping = true;
    this.registry.closeAll();
    for (const complete of [...this.closers]) complete();
  }
}
