import type { GraphQLError } from 'graphql';
import type { WriteOutcome } from '../upstream/resilience/failure-policy';

// Refusals a check outside performWrite (a scope or auth check before the resolver) answers before any call.
const REFUSED_BEFORE_CALL = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'OPERATION_LIMIT_EXCEEDED']);

/**
 * The backstop for "`outcome` is never absent on a mutation field's error": performWrite sets it on every error it
 * sees; an error at a mutation field's path that did not pass through it gets NOT_APPLIED when its code is a
 * refusal before any call, else UNKNOWN (nothing proves the write did not happen). Returns the errors to answer.
 */
export function withMissingOutcomes(
  errors: readonly GraphQLError[],
  rebuild: (error: GraphQLError, outcome: WriteOutcome) => GraphQLError,
): GraphQLError[] {
  return errors.map((error) => {
    if (error.path?.length !== 1 || error.extensions.outcome !== undefined) return error;
    return rebuild(error, REFUSED_BEFORE_CALL.has(error.extensions.code as string) ? 'NOT_APPLIED' : 'UNKNOWN');
  });
}
