import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { GatewayErrorCode } from '../errors/error-codes';
import { gatewayError } from '../errors/gateway-error';
import { mapUpstreamFailure, type UpstreamResource } from '../errors/map-upstream-failure';
import { UpstreamError } from '../errors/upstream-failure';
import { reachedUpstream, writeOutcome, type WriteOutcome } from '../upstream/resilience/failure-policy';
import { afterWrite, type WriteLoaders, type WrittenTargets } from './after-write';
import type { WriteSequence } from './write-sequence';
import type { AuditOutcome, AuditTrail } from './audit-trail';

const AUDIT_OUTCOME: Record<WriteOutcomeLabel, AuditOutcome> = {
  ok: 'APPLIED',
  applied: 'APPLIED',
  unknown: 'UNKNOWN',
  invalid_input: 'NOT_APPLIED',
  failed: 'NOT_APPLIED',
};

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
  writes: { readonly sequence: WriteSequence };
  /** The audit trail (src/writes/audit-trail.ts) and the status of the request's last upstream write attempt. */
  audit?: AuditTrail;
  lastUpstreamStatus?: () => number | null;
  /** Called as each write starts: a field that sends nothing must not be audited with an earlier field's status. */
  forgetUpstreamStatus?: () => void;
}

export interface WriteTarget extends WrittenTargets {
  /** The id the mutation acts on, for the log line; only logged once it passed validation. */
  id: string | null;
}

const LABELS: Record<WriteOutcome, WriteOutcomeLabel> = {
  APPLIED: 'applied',
  UNKNOWN: 'unknown',
  NOT_APPLIED: 'failed',
};

/**
 * Runs one mutation: `write` validates its inputs and calls the upstream once. Errors map through the one table,
 * plus `extensions.outcome` (always). One info line per mutation (name, target id, outcome, code — never argument
 * text), one count per outcome, and the loaders forget the target whatever happened. After a field that found the
 * upstream unavailable, the later fields of the request are refused without a call (src/writes/write-sequence.ts).
 */
export async function performWrite<T>(
  context: WriteContext,
  { name: mutation, resource }: MutationDescription,
  target: () => WriteTarget,
  write: () => Promise<T>,
  createdId?: (result: T) => string,
): Promise<T> {
  const started = performance.now();
  context.forgetUpstreamStatus?.();
  const { sequence } = context.writes;
  let touched: WriteTarget | null = null;
  const finish = (outcome: WriteOutcomeLabel, extra: Record<string, unknown>) => {
    const durationMs = Math.round(performance.now() - started);
    context.logger.info(
      { mutation: { name: mutation, target: touched?.id ?? null, outcome, durationMs, ...extra } },
      'mutation',
    );
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
    const halted = sequence.haltedBy;
    if (halted !== null) throw notSentAfter(halted);
    const result = await write();
    sequence.noteSent();
    finish('ok', createdId ? { created: createdId(result) } : {});
    return result;
  } catch (error) {
    const { mapped, outcome, reached } = toWriteError(error, resource);
    if (reached) sequence.noteSent();
    sequence.noteFailure(mapped);
    const label =
      outcome === 'NOT_APPLIED' && mapped.extensions.code === 'BAD_USER_INPUT' && !reached
        ? 'invalid_input'
        : LABELS[outcome];
    finish(label, { code: String(mapped.extensions.code) });
    if (!(error instanceof GraphQLError) && !(error instanceof UpstreamError)) {
      context.logger.error({ err: error, mutation: { name: mutation } }, 'mutation failed unexpectedly');
    }
    throw mapped;
  } finally {
    if (touched) afterWrite(context, touched);
  }
}

function notSentAfter(code: GatewayErrorCode): GraphQLError {
  return gatewayError(
    'UPSTREAM_UNAVAILABLE',
    `Not sent: an earlier mutation field of this operation found the Processes API unavailable (${code}).`,
    {
      outcome: 'NOT_APPLIED',
    },
  );
}

/** The caller's error, always with `extensions.outcome`; `reached`: the upstream received the request (or may have). */
function toWriteError(
  error: unknown,
  resource: UpstreamResource,
): { mapped: GraphQLError; outcome: WriteOutcome; reached: boolean } {
  if (error instanceof UpstreamError) {
    const mapped = mapUpstreamFailure(error.failure, resource, 'write');
    const outcome = writeOutcome(error.failure);
    return { mapped: withOutcome(mapped, outcome), outcome, reached: reachedUpstream(error.failure) };
  }
  if (error instanceof GraphQLError) {
    const given = error.extensions.outcome as WriteOutcome | undefined;
    // The input checks throw BAD_USER_INPUT before any call; any other error of ours is not known to precede one.
    const outcome = given ?? (error.extensions.code === 'BAD_USER_INPUT' ? 'NOT_APPLIED' : 'UNKNOWN');
    // UNKNOWN counts as reached: the answer is then kept under an idempotency key, never re-sent.
    return { mapped: given ? error : withOutcome(error, outcome), outcome, reached: outcome !== 'NOT_APPLIED' };
  }
  // A bug: masked like any other, but the caller still learns the write may have happened.
  return {
    mapped: gatewayError('INTERNAL_SERVER_ERROR', 'Unexpected error.', { outcome: 'UNKNOWN' }),
    outcome: 'UNKNOWN',
    reached: true,
  };
}

function withOutcome(error: GraphQLError, outcome: WriteOutcome): GraphQLError {
  const { code, ...extensions } = error.extensions as { code: GatewayErrorCode };
  return gatewayError(code, error.message, { ...extensions, outcome });
}
