import type { ExecutionResult } from 'graphql';

// setTimeout's longest delay (~24.8 days); a token valid for longer is re-armed when the timer fires.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A subscription that stops when its caller's token does: one last result (`expired()`, e.g. an UNAUTHENTICATED
 * error) and then completion, the source released. Written by hand, not as an async generator: a generator could
 * not be returned (the client leaving) while it waits for the source's next event.
 */
export function endAtExpiry(
  source: AsyncIterable<ExecutionResult>,
  untilMs: number,
  expired: () => ExecutionResult,
): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<'expired'>((resolve) => {
    const arm = () => {
      const left = untilMs - Date.now();
      if (left <= 0) return resolve('expired');
      // Never what keeps the process alive: the subscription's own resources do that.
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS)).unref();
    };
    arm();
  });
  const release = () => {
    finished = true;
    clearTimeout(timer);
    // Not awaited: the source may be waiting for its next event, and nothing it says now matters.
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  };
  const done = (): IteratorResult<ExecutionResult> => ({ done: true, value: undefined });
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (finished) return done();
      let step: IteratorResult<ExecutionResult> | 'expired';
      try {
        step = await Promise.race([iterator.next(), expiry]);
      } catch (error) {
        finished = true;
        clearTimeout(timer);
        throw error;
      }
      if (finished) return done();
      if (step === 'expired') {
        release();
        return { done: false, value: expired() };
      }
      if (step.done) {
        finished = true;
        clearTimeout(timer);
      }
      return step;
    },
    async return() {
      if (!finished) release();
      return done();
    },
    async throw(error?: unknown) {
      if (!finished) release();
      throw error;
    },
  };
}
