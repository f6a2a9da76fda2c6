import type { UpstreamFailure } from '../../errors/upstream-failure';

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
// Connection-level failures where the request cannot have been processed, or the socket died: safe for a GET.
const RETRYABLE_CAUSES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET', 'socket closed']);

/** Worth another attempt of an idempotent GET. 500 and every other 4xx are answers, not accidents. */
export function isRetryable(failure: UpstreamFailure): boolean {
  switch (failure.kind) {
    case 'http':
      return RETRYABLE_STATUSES.has(failure.status);
    case 'unreachable':
      return RETRYABLE_CAUSES.has(failure.cause);
    case 'timeout':
      // Only a connect timeout: the request never left. A slow answer is not asked for twice.
      return failure.phase === 'connect';
    default:
      return false;
  }
}

/** Evidence the upstream is unhealthy. 4xx (429 included) and unusable bodies prove it is up and answering. */
export function countsAgainstBreaker(failure: UpstreamFailure): boolean {
  switch (failure.kind) {
    case 'http':
      return failure.status >= 500;
    case 'timeout':
    case 'unreachable':
      return true;
    default:
      return false;
  }
}

/** The wait the upstream asked for, in milliseconds, or null. */
export function requestedWaitMs(failure: UpstreamFailure): number | null {
  return failure.kind === 'http' && failure.retryAfterSeconds !== null ? failure.retryAfterSeconds * 1000 : null;
}

/** An actual upstream answer (a status), as opposed to silence or a dead socket. */
export function isAnswer(failure: UpstreamFailure): boolean {
  return failure.kind === 'http';
}
