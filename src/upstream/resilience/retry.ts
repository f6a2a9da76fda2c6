import {
  DelegateBackoff,
  decorrelatedJitterGenerator,
  handleWhen,
  retry,
  type IExponentialBackoffOptions,
} from 'cockatiel';
import { UpstreamError, type UpstreamFailure } from '../../errors/upstream-failure';
import type { Deadline } from './deadline';
import { isAnswer, requestedWaitMs, retryPolicyFor, type RetryPolicy } from './failure-policy';

export interface RetryOptions {
  /** Total attempts, the first included. */
  maxAttempts: number;
  /** Scale of the exponential backoff (decorrelated jitter: waits of roughly 1x, 2x, 4x this, randomised). */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RetryNotice {
  /** The attempt about to be made (2 for the first retry). */
  attempt: number;
  delayMs: number;
  reason: string;
}

/** What the attempt function learns about its place in the sequence. */
export interface AttemptContext {
  attempt: number;
  /** The last retryable failure, when this is a retry: it stands if this attempt cannot be made. */
  previous: UpstreamError | null;
  /** Marks `error` as the final answer: it is not retried whatever it is. */
  giveUp(error: UpstreamError): UpstreamError;
}

/**
 * Runs `attempt` until it succeeds, fails in a way not worth retrying, attempts run out, or the next wait would
 * outlast the deadline — then the failure is answered at once (with its Retry-After, if any), not waited out.
 * cockatiel runs the loop; this decides each retry, because the decision needs the deadline and Retry-After.
 */
export async function withRetries<T>(
  attempt: (context: AttemptContext) => Promise<T>,
  deadline: Deadline,
  options: RetryOptions,
  onRetry: (notice: RetryNotice) => void,
  failurePolicy: RetryPolicy = retryPolicyFor('GET'),
): Promise<T> {
  let jitter: [number, number] | undefined;
  let plannedDelayMs = 0;
  let lastAnswer: UpstreamError | null = null;
  let previous: UpstreamError | null = null;
  /** The failure of the attempt before the current one. */
  let beforeThis: UpstreamError | null = null;
  let attemptNo = 0;
  const final = new WeakSet<Error>();
  const giveUp = (error: UpstreamError) => {
    final.add(error);
    return error;
  };
  const backoff: IExponentialBackoffOptions<[number, number]> = {
    generator: decorrelatedJitterGenerator,
    initialDelay: options.baseDelayMs,
    maxDelay: options.maxDelayMs,
    exponent: 2,
  };

  const policy = retry(
    handleWhen((error) => {
      if (!(error instanceof UpstreamError) || final.has(error) || !failurePolicy.isRetryable(error.failure))
        return false;
      if (attemptNo >= options.maxAttempts) return false;
      const [delay, next] = decorrelatedJitterGenerator(jitter, backoff);
      jitter = next;
      plannedDelayMs = Math.max(Math.round(delay), requestedWaitMs(error.failure) ?? 0);
      return plannedDelayMs < deadline.remainingMs();
    }),
    { maxAttempts: options.maxAttempts - 1, backoff: new DelegateBackoff(() => plannedDelayMs) },
  );
  policy.onRetry((event) => {
    const failure = 'error' in event ? (event.error as UpstreamError).failure : null;
    onRetry({
      attempt: event.attempt + 1,
      delayMs: event.delay,
      reason: failure ? describeReason(failure) : 'unknown',
    });
  });

  try {
    return await policy.execute(async () => {
      attemptNo += 1;
      beforeThis = previous;
      try {
        return await attempt({ attempt: attemptNo, previous, giveUp });
      } catch (error) {
        if (error instanceof UpstreamError && !final.has(error)) {
          previous = error;
          if (isAnswer(error.failure)) lastAnswer = error;
        }
        throw error;
      }
    });
  } catch (error) {
    // A retry that runs out of time does not change the diagnosis: the last answer, else the earlier failure, decides.
    if (
      failurePolicy.earlierFailureExplainsLaterTimeout &&
      error instanceof UpstreamError &&
      error.failure.kind === 'timeout' &&
      beforeThis
    ) {
      throw lastAnswer ?? beforeThis;
    }
    throw error;
  }
}

function describeReason(failure: UpstreamFailure): string {
  switch (failure.kind) {
    case 'http':
      return `status ${failure.status}`;
    case 'unreachable':
      return failure.cause;
    case 'timeout':
      return `${failure.phase ?? 'deadline'} timeout`;
    default:
      return failure.kind;
  }
}
