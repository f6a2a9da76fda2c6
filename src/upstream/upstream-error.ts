import type { UpstreamErrorBody } from './types';

// What went wrong talking to the upstream, as facts. src/errors/map-upstream-error.ts turns these into GraphQL errors.
export type UpstreamFailure =
  | { kind: 'http'; status: number; body: UpstreamErrorBody | null; retryAfterSeconds: number | null }
  /** phase: which per-attempt timeout fired; absent when the whole-call deadline passed. */
  | { kind: 'timeout'; phase?: 'connect' | 'headers' | 'body' }
  | { kind: 'unreachable'; cause: string }
  | { kind: 'bad-response'; reason: string; status?: number }
  | { kind: 'missing-credentials' }
  | { kind: 'circuit-open'; retryAfterSeconds: number | null }
  | { kind: 'rate-limited-locally'; retryAfterSeconds: number }
  | { kind: 'budget-exceeded'; budget: number };

export class UpstreamError extends Error {
  constructor(readonly failure: UpstreamFailure) {
    super(describe(failure));
    this.name = 'UpstreamError';
  }
}

function describe(failure: UpstreamFailure): string {
  switch (failure.kind) {
    case 'http':
      return `upstream answered ${failure.status}`;
    case 'bad-response':
      return `upstream response unusable: ${failure.reason}`;
    case 'unreachable':
      return `upstream unreachable: ${failure.cause}`;
    default:
      return `upstream call failed: ${failure.kind}`;
  }
}
