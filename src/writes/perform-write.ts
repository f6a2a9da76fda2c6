import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { GatewayErrorCode } from '../errors/error-codes';
import { gatewayError } from '../errors/gateway-error';
import { toGraphQLError, type UpstreamResource } from '../errors/map-upstream-failure';
import { UpstreamError } from '../errors/upstream-failure';
import { writeOutcome } from '../upstream/resilience/failure-policy';
import { afterWrite, type WriteLoaders, type WrittenTargets } from './after-write';
import type { AuditOutcome, AuditTrail } from './audit-trail';

const AUDIT_OUTCOME: Record<WriteOutcomeLabel, AuditOutcome> = { ok: 'APPLIED', applied: 'APPLIED', unknown: 'UNKNOWN', invalid_input: 'NOT_APPLIED', failed: 'NOT_APPLIED' };

/** The Mutation field's name (the log and metric label), and what its path names for the 403/404 messages. */
export interface MutationDescription {
  name: string;
  resource: UpstreamResource;
}

export type MutationName = MutationDescription['name'];

/** The metric label: ok, refused input (no upstream call), failed (the upstream did not act), unknown or applied-unreadable. */
export type WriteOutcomeLabel = 'ok' | 'invalid_input' | 'failed' | 'unknown' | 'applied';

/** Observer of finished mutations (metrics). */
export type WriteObserver = (mutation: MutationName, outcome: WriteOutcomeLabel) => void;

/** What a write needs of the request's context (the resolvers' context type lives above this layer). */
export interface WriteContext {
  logger: Logger;
  loaders: WriteLoaders;
  onWrite?: WriteObserver;
  /** The audit trail (src/writes/audit-trail.ts) and the status of the request's last upstream write attempt. */
  audit?: AuditTrail;
  lastUpstreamStatus?: () => number | null;
}

export interface WriteTarget extends WrittenTargets {
  /** The id the mutation acts on, for the log line; only logged once it passed validation. */
  id: string | null;
}

/**
 * Runs one mutation: `write` validates its inputs and calls the upstream once. Errors map through the one table,
 * plus `extensions.outcome` when the upstream may have acted. One info line per mutation (name, target id, outcome,
 * code — never argument text), one count per outcome, and the loaders forget the target whatever happened.
 */
export async function performWrite<T>(
  context: WriteContext,
  { name: mutation, resource }: MutationDescription,
  target: () => WriteTarget,
  write: () => Promise<T>,
  createdId?: (result: T) => string,
): Promise<T> {
  const started = performance.now();
  let touched: WriteTarget | null = null;
  const finish = (outcome: WriteOutcomeLabel, extra: Record<string, unknown>) => {
    const durationMs = Math.round(performance.now() - started);
    context.logger.info({ mutation: { name: mutation, target: touched?.id ?? null, outcome, durationMs, ...extra } }, 'mutation');
    context.onWrite?.(mutation, outcome);
    const { id: _id, ...targets } = touched ?? { id: null };
    context.audit?.record({
      mutation,
      targets: { ...targets, ...(extra.created === undefined ? {} : { created: String(extra.created) }) },
      outcome: AUDIT_OUTCOME[outcome],
      upstreamStatus: outcome === 'invalid_input' ? null : (context.lastUpstreamStatus?.() ?? null),
      code: typeof extra.code === 'string' ? extra.code : null,
    });
  };
  try {
    touched = target();
    const result = await write();
    finish('ok', createdId ? { created: createdId(result) } : {});
    return result;
  } catch (error) {
    const { mapped, outcome } = toWriteError(error, resource);
    finish(outcome, { code: mapped instanceof GraphQLError ? String(mapped.extensions.code) : 'INTERNAL_SERVER_ERROR' });
    throw mapped;
  } finally {
    if (touched) afterWrite(context, touched);
  }
}

/** The caller's error, with `extensions.outcome` when the upstream may have acted (UNKNOWN) or did act (APPLIED). */
function toWriteError(error: unknown, resource: UpstreamResource): { mapped: Error; outcome: WriteOutcomeLabel } {
  const mapped = toGraphQLError(error, resource, 'write');
  if (!(error instanceof UpstreamError)) {
    // Only the input checks throw BAD_USER_INPUT themselves; the upstream's 400 arrives as an UpstreamError.
    const refused = mapped instanceof GraphQLError && mapped.extensions.code === 'BAD_USER_INPUT';
    return { mapped, outcome: refused ? 'invalid_input' : 'failed' };
  }
  const outcome = writeOutcome(error.failure);
  if (outcome === null || !(mapped instanceof GraphQLError)) return { mapped, outcome: 'failed' };
  const { code, ...extensions } = mapped.extensions as { code: GatewayErrorCode };
  return { mapped: gatewayError(code, mapped.message, { ...extensions, outcome }), outcome: outcome === 'UNKNOWN' ? 'unknown' : 'applied' };
}
