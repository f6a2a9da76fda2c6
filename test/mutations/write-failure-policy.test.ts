import { isRetryable, isRetryableWrite, writeOutcome } from '../../src/upstream/resilience/failure-policy';
import type { UpstreamFailure } from '../../src/errors/upstream-failure';

const http = (status: number): UpstreamFailure => ({ kind: 'http', status, body: null, retryAfterSeconds: null });

// The whole write table of docs/mutations.md: [failure, retried, outcome]. The HTTP suites prove the client obeys it.
const TABLE: Array<[string, UpstreamFailure, boolean, 'UNKNOWN' | 'APPLIED' | 'NOT_APPLIED']> = [
  ['connection refused', { kind: 'unreachable', cause: 'ECONNREFUSED' }, true, 'NOT_APPLIED'],
  ['DNS lookup failed for now', { kind: 'unreachable', cause: 'EAI_AGAIN' }, true, 'NOT_APPLIED'],
  ['name does not resolve', { kind: 'unreachable', cause: 'ENOTFOUND' }, false, 'NOT_APPLIED'],
  ['host unreachable', { kind: 'unreachable', cause: 'EHOSTUNREACH' }, false, 'NOT_APPLIED'],
  ['connect timeout', { kind: 'timeout', phase: 'connect' }, true, 'NOT_APPLIED'],
  ['reset after connecting', { kind: 'unreachable', cause: 'ECONNRESET' }, false, 'UNKNOWN'],
  ['socket closed', { kind: 'unreachable', cause: 'UND_ERR_SOCKET' }, false, 'UNKNOWN'],
  ['broken pipe', { kind: 'unreachable', cause: 'EPIPE' }, false, 'UNKNOWN'],
  ['headers timeout', { kind: 'timeout', phase: 'headers' }, false, 'UNKNOWN'],
  ['body timeout', { kind: 'timeout', phase: 'body' }, false, 'UNKNOWN'],
  ['deadline', { kind: 'timeout' }, false, 'UNKNOWN'],
  ['429', http(429), true, 'NOT_APPLIED'],
  ['500', http(500), false, 'UNKNOWN'],
  ['502', http(502), false, 'UNKNOWN'],
  ['503', http(503), false, 'UNKNOWN'],
  ['504', http(504), false, 'UNKNOWN'],
  ['409', http(409), false, 'NOT_APPLIED'],
  ['400', http(400), false, 'NOT_APPLIED'],
  ['2xx unusable body', { kind: 'bad-response', reason: 'not JSON', status: 201 }, false, 'APPLIED'],
  ['non-2xx unusable body', { kind: 'bad-response', reason: 'too large', status: 502 }, false, 'UNKNOWN'],
  ['breaker open', { kind: 'circuit-open', retryAfterSeconds: 5 }, false, 'NOT_APPLIED'],
  ['local rate budget', { kind: 'rate-limited-locally', retryAfterSeconds: 1, scope: 'gateway' }, false, 'NOT_APPLIED'],
];

describe('write failure policy – what is retried and what the caller is told', () => {
  it.each(TABLE)('%s', (_name, failure, retried, outcome) => {
    expect({ retried: isRetryableWrite(failure), outcome: writeOutcome(failure) }).toEqual({ retried, outcome });
  });

  it('reads keep their own rule: 503 and a reset are retried for a GET, never for a write', () => {
    for (const failure of [http(503), { kind: 'unreachable', cause: 'ECONNRESET' } as UpstreamFailure]) {
      expect([isRetryable(failure), isRetryableWrite(failure)]).toEqual([true, false]);
    }
  });
});
