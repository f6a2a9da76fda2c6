// One structured audit event per mutation (pino, logger name `audit`, level info): who changed what, and whether it
// happened. Field by field in docs/security.md. Never a token: the caller is a JWT's sub/iss or a credential's HMAC.
import type { Logger } from 'pino';
import type { AuditCaller } from '../identity/caller-hashes';

/** APPLIED: the upstream acted; NOT_APPLIED: refused before or by the upstream; UNKNOWN: it may have acted. */
export type AuditOutcome = 'APPLIED' | 'NOT_APPLIED' | 'UNKNOWN';

export interface AuditEvent {
  mutation: string;
  /** The ids the mutation names (processId, processRunId) and, once known, the created one. */
  targets: Record<string, string | null>;
  outcome: AuditOutcome;
  /** The upstream's HTTP status for the write; null when no call was made or none answered. */
  upstreamStatus: number | null;
  /** The error code the caller got; null when it succeeded. */
  code: string | null;
}

export interface AuditTrail {
  record(event: AuditEvent): void;
}

/**
 * `requestLogger` carries the request id; the event adds the caller and the time (pino's own `time`). Built for
 * every request, so the caller (an HMAC) is worked out only when a mutation is recorded.
 */
export function createAuditTrail(requestLogger: Logger, callerOf: () => AuditCaller): AuditTrail {
  return {
    record: (event) =>
      requestLogger.child({ name: 'audit' }).info({ audit: { caller: callerOf(), ...event } }, 'audit'),
  };
}
