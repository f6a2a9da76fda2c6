// One structured audit event per mutation (pino, logger name `audit`, level info): who changed what, and whether it
// happened. Field by field in docs/security.md. Never a token: the caller is a JWT's sub/iss or a credential's HMAC.
import { valueFromASTUntyped, type DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import type { AuditCaller } from '../identity/caller-hashes';
import { rootMutationFields } from './root-mutation-fields';

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

/** What an operation refused before it executed was: its document, the picked operation and the variables. */
export interface RefusedOperation {
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Readonly<Record<string, unknown>> | null;
}

/** A refused operation still leaves one audit event per mutation field (through fragments), with the ids it names. */
export function recordRefusedMutations(audit: AuditTrail, refused: RefusedOperation, code: string): void {
  for (const field of rootMutationFields(refused.document, refused.operationName)) {
    const targets: Record<string, string | null> = {};
    for (const argument of field.arguments ?? []) {
      if (!/Id$/.test(argument.name.value)) continue;
      const value = valueFromASTUntyped(argument.value, refused.variableValues ?? undefined);
      // Only plausible ids: this text is the caller's and was never validated.
      targets[argument.name.value] = typeof value === 'string' && value.length <= 256 ? value : null;
    }
    audit.record({ mutation: field.name.value, targets, outcome: 'NOT_APPLIED', upstreamStatus: null, code });
  }
}
