import type { UpstreamFailure } from '../../errors/upstream-failure';

/** The HTTP methods the client sends. GET is idempotent; a POST or DELETE must never reach the upstream twice by accident. */
export type UpstreamMethod = 'GET' | 'POST' | 'DELETE';

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

// Failures that prove a request never left this process: no connection was made, no name was resolved.
const NEVER_SENT_CAUSES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// Of those, the ones worth another attempt (a name that does not resolve will not resolve in 100 ms).
const RETRYABLE_NEVER_SENT_CAUSES = new Set(['ECONNREFUSED', 'EAI_AGAIN']);

/**
 * Worth another attempt of a POST or DELETE: only when the upstream cannot have acted on the first one — it refused
 * it (429), or it never received it (connection refused, connect timeout). A timeout, a reset after sending or a
 * 5xx may have reached the upstream: retrying could start a second run.
 */
export function isRetryableWrite(failure: UpstreamFailure): boolean {
  switch (failure.kind) {
    case 'http':
      return failure.status === 429;
    case 'unreachable':
      return RETRYABLE_NEVER_SENT_CAUSES.has(failure.cause);
    case 'timeout':
      return failure.phase === 'connect';
    default:
      return false;
  }
}

export interface RetryPolicy {
  isRetryable(failure: UpstreamFailure): boolean;
  /**
   * When a retry times out, answer the earlier failure instead (GET: the retry changed nothing). Never for a write:
   * the retried request may have reached the upstream, so its timeout is the truth.
   */
  earlierFailureExplainsLaterTimeout: boolean;
}

export function retryPolicyFor(method: UpstreamMethod): RetryPolicy {
  return method === 'GET'
    ? { isRetryable, earlierFailureExplainsLaterTimeout: true }
    : { isRetryable: isRetryableWrite, earlierFailureExplainsLaterTimeout: false };
}

/** What a write error tells the caller about the upstream's state (`extensions.outcome`, never absent on a write). */
export type WriteOutcome = 'APPLIED' | 'UNKNOWN' | 'NOT_APPLIED';

/**
 * What a failed write tells the caller about the upstream's state. UNKNOWN: the request may have been acted on
 * (timeout, reset after connecting, 500/502/503/504): look before trying again. APPLIED: the upstream answered
 * 2xx but the body was unusable. NOT_APPLIED: the upstream did not act (it refused, or the request never left).
 */
export function writeOutcome(failure: UpstreamFailure): WriteOutcome {
  switch (failure.kind) {
    case 'timeout':
      return failure.phase === 'connect' ? 'NOT_APPLIED' : 'UNKNOWN';
    case 'unreachable':
      return NEVER_SENT_CAUSES.has(failure.cause) ? 'NOT_APPLIED' : 'UNKNOWN';
    case 'http':
      return failure.status >= 500 ? 'UNKNOWN' : 'NOT_APPLIED';
    case 'bad-response':
      return failure.status !== undefined && failure.status >= 200 && failure.status < 300 ? 'APPLIED' : 'UNKNOWN';
    default:
      return 'NOT_APPLIED';
  }
}

/** Whether the upstream received the request (an answer of any status, or it may have: UNKNOWN). */
export function reachedUpstream(failure: UpstreamFailure): boolean {
  return failure.kind === 'http' || writeOutcome(failure) !== 'NOT_APPLIED';
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
