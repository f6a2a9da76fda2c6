import type { Logger } from 'pino';
import type { FetchRun, KeepRelayedRun, PollKey, RunListener } from './live-event';
import { loopCall, pollKeyString } from './live-event';
import { RunPoller, type PollOutcome, type PollTiming } from './run-poller';

/**
 * Who runs the poll loop of a key. The in-memory one below polls in this process; a shared one (issue 12: a Redis
 * lease owner publishing changes, the other replicas only listening) can take its place behind the same interface.
 */
export interface PollerRegistry {
  /**
   * Adds `listener` to the loop of `key`, starting it with `fetchRun` (the joining subscriber's credentials) when
   * none runs. Returns the function that removes it again; the loop stops when its last listener leaves.
   * `keepRelayed` (the joining subscriber's credentials too) is given the states other replicas' polls read.
   */
  join(key: PollKey, fetchRun: FetchRun, listener: RunListener, keepRelayed?: KeepRelayedRun): () => void;
  /** Completes every listener of every loop and stops them (shutdown). */
  closeAll(): void;
  readonly activePollers: number;
}

export interface PollerObserver {
  onPoll?(outcome: PollOutcome): void;
  onPollersChanged?(active: number): void;
}

export class InMemoryPollerRegistry implements PollerRegistry {
  private readonly pollers = new Map<string, RunPoller>();

  constructor(
    private readonly timing: PollTiming,
    /** The process logger: a loop logs, and calls upstream, under its own request id. */
    private readonly rootLogger: Logger,
    private readonly observer: PollerObserver = {},
  ) {}

  get activePollers(): number {
    return this.pollers.size;
  }

  join(key: PollKey, fetchRun: FetchRun, listener: RunListener): () => void {
    const id = pollKeyString(key);
    let poller = this.pollers.get(id);
    if (!poller) {
      const loop = loopCall(this.rootLogger, key.runId);
      const created: RunPoller = new RunPoller(
        () => fetchRun(loop),
        this.timing,
        {
          onPoll: this.observer.onPoll,
          onStopped: () => {
            if (this.pollers.get(id) === created) this.pollers.delete(id);
            this.observer.onPollersChanged?.(this.pollers.size);
          },
        },
        loop.logger,
      );
      poller = created;
      this.pollers.set(id, poller);
      this.observer.onPollersChanged?.(this.pollers.size);
    }
    const joined = poller;
    joined.add(listener);
    return () => joined.remove(listener);
  }

  closeAll(): void {
    for (const poller of [...this.pollers.values()]) poller.endAll(null);
  }
}
