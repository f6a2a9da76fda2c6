import {
  BrokenCircuitError,
  CircuitState,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
  type IBreaker,
} from 'cockatiel';
import type { Logger } from 'pino';
import { UpstreamError, type UpstreamFailure } from '../../errors/upstream-failure';
import type { UpstreamEvents } from '../upstream-events';
import { countsAgainstBreaker } from './failure-policy';

export interface BreakerOptions {
  /** Failed calls in a row (after their retries; a request failing again counts once) that open the breaker. */
  threshold: number;
  halfOpenAfterMs: number;
}

type BreakerState = 'closed' | 'open' | 'half-open';

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/** A failure the breaker must not count travels through it as a value; cockatiel's success() is a no-op here. */
class NotCounted {
  constructor(readonly error: unknown) {}
}

/**
 * The failures in a row since the upstream last answered well. A request (method and path) that keeps failing with
 * a 5xx or a timeout counts once: one poison id must not open the breaker for every other id and caller. A refused
 * or broken connection always counts: it is about the upstream, never about one request. Bounded: the set holds
 * fewer keys than the threshold, and is cleared by any good answer and by the breaker opening.
 */
class FailureStreak implements IBreaker {
  private count = 0;
  private readonly failedRequests = new Set<string>();

  constructor(private readonly threshold: number) {}

  get state(): unknown {
    return this.count;
  }

  set state(_ignored: unknown) {
    // Never restored from a serialized breaker: a fresh process starts closed.
  }

  /** Called when the call ends in a failure that speaks against the upstream; false when it does not count. */
  record(request: string, failure: UpstreamFailure): boolean {
    if (isAboutOneRequest(failure)) {
      if (this.failedRequests.has(request)) return false;
      this.failedRequests.add(request);
    }
    this.count++;
    return true;
  }

  reset(): void {
    this.count = 0;
    this.failedRequests.clear();
  }

  // The streak is kept by record()/reset() when the call ends, where the request is known.
  success(): void {}

  failure(): boolean {
    return this.count >= this.threshold;
  }
}

/** A failure one request can cause on its own (its data breaks or slows the upstream), as opposed to the connection. */
function isAboutOneRequest(failure: UpstreamFailure): boolean {
  if (failure.kind === 'http') return true;
  return failure.kind === 'timeout' && failure.phase !== 'connect';
}

/** One cockatiel breaker per upstream origin, shared by every request of this process. */
export class UpstreamBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private readonly streak: FailureStreak;
  private openedAt: number | null = null;

  constructor(
    readonly origin: string,
    private readonly options: BreakerOptions,
    logger: Logger,
    events?: UpstreamEvents,
  ) {
    this.streak = new FailureStreak(options.threshold);
    this.policy = circuitBreaker(
      handleWhen((error) => error instanceof UpstreamError && countsAgainstBreaker(error.failure)),
      { halfOpenAfter: options.halfOpenAfterMs, breaker: this.streak },
    );
    this.policy.onBreak(() => {
      this.openedAt = performance.now();
      // The half-open probe then counts whatever it asks for, even a request that failed before.
      this.streak.reset();
    });
    this.policy.onStateChange((state) => {
      const name = STATE_NAMES[state];
      if (state !== CircuitState.Open) this.openedAt = null;
      const log = { upstream: { origin, breaker: name } };
      if (name === 'open') logger.warn(log, 'upstream circuit breaker opened: calls fail fast until a probe succeeds');
      else logger.info(log, `upstream circuit breaker ${name}`);
      events?.breakerStateChanged?.(name, origin);
    });
  }

  get state(): BreakerState {
    return STATE_NAMES[this.policy.state];
  }

  /**
   * Runs `call` unless the breaker is open, in which case it throws `circuit-open` without calling.
   * While half-open, concurrent callers wait for the one probe call and then go through or fail fast.
   * `request` (method and path) tells one request failing again from many failing once.
   */
  async execute<T>(request: string, call: () => Promise<T>): Promise<T> {
    let outcome: T | NotCounted;
    try {
      outcome = await this.policy.execute(async () => {
        try {
          const value = await call();
          this.streak.reset();
          return value;
        } catch (error) {
          if (error instanceof UpstreamError && countsAgainstBreaker(error.failure)) {
            if (this.streak.record(request, error.failure)) throw error;
          } else {
            // An answer (4xx, an unusable body) proves the upstream is up.
            this.streak.reset();
          }
          return new NotCounted(error);
        }
      });
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw new UpstreamError({ kind: 'circuit-open', retryAfterSeconds: this.secondsUntilProbe() });
      }
      throw error;
    }
    if (outcome instanceof NotCounted) throw outcome.error;
    return outcome;
  }

  /** 'open' while calls fail fast, 'half-open' once the next call is the probe, null when closed. */
  report(): 'open' | 'half-open' | null {
    if (this.policy.state === CircuitState.Closed) return null;
    return this.openedAt !== null && this.secondsUntilProbe() > 0 ? 'open' : 'half-open';
  }

  private secondsUntilProbe(): number {
    if (this.openedAt === null) return 0;
    return Math.max(0, Math.ceil((this.openedAt + this.options.halfOpenAfterMs - performance.now()) / 1000));
  }
}
