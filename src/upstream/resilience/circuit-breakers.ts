import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { Logger } from 'pino';
import { UpstreamError } from '../../errors/upstream-failure';
import type { UpstreamEvents } from '../upstream-events';
import { countsAgainstBreaker } from './failure-policy';

export interface BreakerOptions {
  /** Consecutive failed calls (after their retries) that open the breaker. */
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

/** A failure the breaker must not count travels through it as a value, so it resets the streak like a success. */
class NotCounted {
  constructor(readonly error: unknown) {}
}

/** One cockatiel breaker per upstream origin, shared by every request of this process. */
export class UpstreamBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private openedAt: number | null = null;

  constructor(
    readonly origin: string,
    private readonly options: BreakerOptions,
    logger: Logger,
    events?: UpstreamEvents,
  ) {
    this.policy = circuitBreaker(
      handleWhen((error) => error instanceof UpstreamError && countsAgainstBreaker(error.failure)),
      { halfOpenAfter: options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.threshold) },
    );
    this.policy.onBreak(() => {
      this.openedAt = performance.now();
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
   */
  async execute<T>(call: () => Promise<T>): Promise<T> {
    let outcome: T | NotCounted;
    try {
      outcome = await this.policy.execute(async () => {
        try {
          return await call();
        } catch (error) {
          if (error instanceof UpstreamError && countsAgainstBreaker(error.failure)) throw error;
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

  /** Not ready while open and before a probe is due; then ready again, or no traffic would ever probe it. */
  readinessProblem(): string | null {
    if (this.openedAt === null || this.secondsUntilProbe() === 0) return null;
    // /ready is public: the origin goes to the log, not here.
    return 'upstream circuit breaker open';
  }

  private secondsUntilProbe(): number {
    if (this.openedAt === null) return 0;
    return Math.max(0, Math.ceil((this.openedAt + this.options.halfOpenAfterMs - performance.now()) / 1000));
  }
}
