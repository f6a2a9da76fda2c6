import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { gatewayError } from '../errors/gateway-error';
import { toGraphQLError } from '../errors/map-upstream-failure';
import { UpstreamError, type UpstreamFailure } from '../errors/upstream-failure';
import type { UpstreamProcessRun } from '../upstream/types';
import type { FetchRun, RunListener } from './live-event';
import { backoffMs, idleIntervalMs } from './poll-schedule';

export interface PollTiming {
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  maxUpstreamDownMs: number;
}

export type PollOutcome = 'changed' | 'unchanged' | 'stale' | 'transient-error' | 'final-error';

export interface PollerHooks {
  onPoll?(outcome: PollOutcome): void;
  /** The loop stopped for good (terminal status, final error, last listener gone, shutdown). */
  onStopped(): void;
}

// The upstream spells statuses in its own case and separators ('complete', 'Cancelled'), and both British and
// American 'cancel(l)ed' appear: compare the letters only (as the schema's enum mapping in resolvers/ does too;
// that layer is above this one).
const TERMINAL_STATUSES = new Set(['complete', 'cancelled', 'canceled']);
export const isTerminal = (status: string): boolean =>
  TERMINAL_STATUSES.has(status.replace(/[^a-z]/gi, '').toLowerCase());

/** Whether a failure is the upstream's answer about this run (it ends the subscription) or a passing problem. */
function isTransient(failure: UpstreamFailure): boolean {
  switch (failure.kind) {
    case 'http':
      return failure.status === 429 || failure.status >= 500;
    case 'timeout':
    case 'unreachable':
    case 'bad-response':
    case 'circuit-open':
    case 'rate-limited-locally':
      return true;
    default:
      return false;
  }
}

/** The error that ends a subscription for `error` (a poll's failure), or null when it is transient (back off, go on). */
export function finalErrorOf(error: unknown): GraphQLError | null {
  const failure = error instanceof UpstreamError ? error.failure : null;
  if (failure && isTransient(failure)) return null;
  const mapped = toGraphQLError(error);
  return mapped instanceof GraphQLError ? mapped : gatewayError('UPSTREAM_ERROR', 'Watching the run failed.');
}

function retryAfterMs(failure: UpstreamFailure): number | null {
  const seconds = 'retryAfterSeconds' in failure ? failure.retryAfterSeconds : null;
  return seconds === null ? null : seconds * 1000;
}

/**
 * One upstream poll loop for one (run, variant, credential), shared by its listeners. The first poll starts at
 * once; a listener that joins later gets the last snapshot when it is fresh, else the next poll's result.
 */
export class RunPoller {
  private readonly listeners = new Map<RunListener, { primed: boolean }>();
  private last: { json: string; revision: number; run: UpstreamProcessRun; at: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private unchangedPolls = 0;
  private failures = 0;
  private downSince: number | null = null;
  private stopped = false;

  constructor(
    private readonly fetchRun: FetchRun,
    private readonly timing: PollTiming,
    private readonly hooks: PollerHooks,
    private readonly logger: Logger,
    private readonly random: () => number = Math.random,
  ) {}

  get listenerCount(): number {
    return this.listeners.size;
  }

  add(listener: RunListener): void {
    if (this.stopped) throw new Error('RunPoller.add after stop');
    const fresh = this.last !== null && performance.now() - this.last.at < this.timing.pollIntervalMs;
    this.listeners.set(listener, { primed: fresh });
    if (fresh) listener.emit(this.last!.run);
    else if (!this.polling && this.failures === 0) this.pollNow();
  }

  /**
   * Starts from a state read elsewhere (a shared loop's snapshot, `ageMs` old) instead of an immediate poll: the
   * first poll comes when that state is one interval old. Call before the first add().
   */
  seed(run: UpstreamProcessRun, ageMs: number): void {
    if (this.stopped || this.last !== null) return;
    this.last = { json: JSON.stringify(run), revision: run.revision, run, at: performance.now() - Math.max(0, ageMs) };
    this.schedule(Math.max(0, this.timing.pollIntervalMs - ageMs));
  }

  /** Removes a listener; the loop stops with its last one. */
  remove(listener: RunListener): void {
    if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
    this.stop();
  }

  /** Ends every listener (null: completes them) and stops. */
  endAll(error: GraphQLError | null): void {
    const listeners = [...this.listeners.keys()];
    this.listeners.clear();
    this.stop();
    for (const listener of listeners) listener.end(error);
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.hooks.onStopped();
  }

  private pollNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.poll();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll();
    }, delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.polling) return;
    this.polling = true;
    let run: UpstreamProcessRun;
    try {
      run = await this.fetchRun();
    } catch (error) {
      this.polling = false;
      if (!this.stopped) this.failed(error);
      return;
    } finally {
      this.polling = false;
    }
    if (this.stopped) return;
    this.succeeded(run);
  }

  private succeeded(run: UpstreamProcessRun): void {
    this.failures = 0;
    this.downSince = null;
    const json = JSON.stringify(run);
    // A lower revision is an older copy (e.g. a lagging upstream replica): never shown after a newer one.
    const stale = this.last !== null && run.revision < this.last.revision;
    const changed = !stale && (this.last === null || json !== this.last.json);
    if (!stale) this.last = { json, revision: run.revision, run, at: performance.now() };
    this.unchangedPolls = changed ? 0 : this.unchangedPolls + 1;
    this.hooks.onPoll?.(stale ? 'stale' : changed ? 'changed' : 'unchanged');
    const current = this.last!.run;
    for (const [listener, state] of this.listeners) {
      if (changed || !state.primed) {
        state.primed = true;
        listener.emit(current);
      }
    }
    if (isTerminal(current.status)) {
      this.endAll(null);
      return;
    }
    this.schedule(idleIntervalMs(this.unchangedPolls, this.timing.pollIntervalMs, this.timing.maxPollIntervalMs));
  }

  private failed(error: unknown): void {
    const failure = error instanceof UpstreamError ? error.failure : null;
    if (!failure || !isTransient(failure)) {
      this.hooks.onPoll?.('final-error');
      const mapped = toGraphQLError(error);
      if (!(mapped instanceof GraphQLError)) this.logger.error({ err: error }, 'live poll failed unexpectedly');
      this.endAll(mapped instanceof GraphQLError ? mapped : gatewayError('UPSTREAM_ERROR', 'Watching the run failed.'));
      return;
    }
    this.hooks.onPoll?.('transient-error');
    this.failures += 1;
    const now = performance.now();
    this.downSince ??= now;
    const giveUpAt = this.downSince + this.timing.maxUpstreamDownMs;
    const delay = backoffMs(
      this.failures,
      this.timing.pollIntervalMs,
      this.timing.maxPollIntervalMs,
      retryAfterMs(failure),
      this.random,
    );
    // When the next poll may only come after the limit (a long Retry-After, an open breaker), the limit decides.
    if (now + delay >= giveUpAt) {
      this.timer = setTimeout(() => this.giveUp(), Math.max(0, giveUpAt - now));
      this.timer.unref();
      return;
    }
    this.logger.info(
      { live: { failure: failure.kind, failures: this.failures, backoffMs: delay } },
      'live poll failed: backing off',
    );
    this.schedule(delay);
  }

  private giveUp(): void {
    this.logger.warn(
      { live: { failures: this.failures, downMs: this.timing.maxUpstreamDownMs } },
      'live poll: upstream down too long, ending subscriptions',
    );
    this.endAll(
      gatewayError(
        'UPSTREAM_UNAVAILABLE',
        'The Processes API has been unavailable for too long; subscribe again later.',
      ),
    );
  }
}
