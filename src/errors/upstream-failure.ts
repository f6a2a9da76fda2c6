// What went wrong talking to the upstream, as facts. map-upstream-failure.ts turns these into GraphQL errors.
// Here, not in upstream/, so the error module stays a leaf that every layer may import.

/** The Processes API's error body (its `message` may carry a retry hint). */
export interface UpstreamErrorBody {
  code?: string;
  message?: string;
  target?: string;
  meta?: Record<string, unknown>;
  details?: unknown;
  documentationUrl?: string;
}

export type UpstreamFailure =
  | { kind: 'http'; status: number; body: UpstreamErrorBody | null; retryAfterSeconds: number | null }
  /** phase: which per-attempt timeout fired; absent when the whole-call deadline passed. */
  | { kind: 'timeout'; phase?: 'connect' | 'headers' | 'body' }
  | { kind: 'unreachable'; cause: string }
  | { kind: 'bad-response'; reason: string; status?: number }
  | { kind: 'missing-credentials' }
  | { kind: 'circuit-open'; retryAfterSeconds: number | null }
  /** scope: whose budget ran out — this caller's share (UPSTREAM_RATE_LIMIT_PER_CALLER) or the whole gateway's. */
  | { kind: 'rate-limited-locally'; retryAfterSeconds: number; scope: 'caller' | 'gateway' }
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
