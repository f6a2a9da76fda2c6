import {
  getOperationAST,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLError,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { gatewayError } from '../../errors/gateway-error';
import { callerCredentialOf, jwtCallerOf, unauthenticated, type JwtAuthenticator } from '../jwt-authenticator';
import { requestIdOf } from '../context';
import { endAtExpiry } from '../end-at-expiry';
import type { CallerHashes } from '../../identity/caller-hashes';
import { createAuditTrail, type AuditTrail } from '../../writes/audit-trail';

export interface ScopeNames {
  /** AUTH_READ_SCOPE: queries and subscriptions. */
  read: string;
  /** AUTH_WRITE_SCOPE: mutations (it does not imply read). */
  write: string;
}

/**
 * AUTH_MODE=jwt over HTTP and SSE (the WebSocket transport authenticates each subscribe itself): the token is
 * verified before the document is even parsed, the operation's scope before it executes, and a subscription ends
 * when the token expires. Every refusal comes before any upstream call.
 */
export function useCallerAuthentication(
  authenticator: JwtAuthenticator,
  scopes: ScopeNames,
  logger: Logger,
  callerHashes: CallerHashes,
): Plugin {
  const checkScope = (args: ScopedArgs): GraphQLError | null => {
    const request = (args.contextValue as { request?: Request }).request;
    const caller = request === undefined ? undefined : jwtCallerOf(request);
    if (caller === undefined) return unauthenticated();
    const operation = getOperationAST(args.document, args.operationName)?.operation;
    const needed = operation === 'mutation' ? scopes.write : scopes.read;
    if (caller.scopes.has(needed)) return null;
    const requestLogger = logger.child({ requestId: requestIdOf(request!) });
    requestLogger.info({ requiredScope: needed, subject: caller.subject }, 'caller refused: FORBIDDEN (scope)');
    if (operation === 'mutation')
      auditRefusedMutations(
        createAuditTrail(requestLogger, () => callerHashes.auditCaller(callerCredentialOf(request!))),
        args,
        'FORBIDDEN',
      );
    // A subscription's refusal is its one event (as its other errors are), so SSE and graphql-ws clients read it alike.
    return gatewayError(
      'FORBIDDEN',
      `This operation needs the scope "${needed}", which the caller's token does not grant.`,
      {
        requiredScope: needed,
        ...(operation === 'subscription' ? {} : { http: { status: 403 } }),
      },
    );
  };
  return {
    // Thrown, not setResult: Yoga runs every later onParams hook after a setResult (APQ's store lookup, trusted
    // documents, limits), which would let an anonymous caller probe them and replace the 401.
    async onParams({ request }) {
      await authenticator.authenticate(request, logger.child({ requestId: requestIdOf(request) }));
    },
    onExecute({ args, setResultAndStopExecution }) {
      const refusal = checkScope(args);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refusal = checkScope(args);
      if (refusal) return setResultAndStopExecution({ errors: [refusal] });
      const untilMs = jwtCallerOf((args.contextValue as { request: Request }).request)!.acceptedUntilMs;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) return;
          setResult(
            endAtExpiry(result, untilMs, () => ({
              errors: [gatewayError('UNAUTHENTICATED', 'The token expired: subscribe again with a fresh one.')],
            })),
          );
        },
      };
    },
  };
}

interface ScopedArgs {
  document: DocumentNode;
  operationName?: string | null;
  contextValue: unknown;
  variableValues?: Readonly<Record<string, unknown>> | null;
}

/** A refused operation still leaves one audit event per mutation field, with the ids its arguments name. */
function auditRefusedMutations(audit: AuditTrail, args: ScopedArgs, code: string): void {
  const operation = getOperationAST(args.document, args.operationName);
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    const targets: Record<string, string | null> = {};
    for (const argument of selection.arguments ?? []) {
      if (!/Id$/.test(argument.name.value)) continue;
      const value = valueFromASTUntyped(argument.value, args.variableValues ?? undefined);
      // Only plausible ids: this text is the caller's and was never validated.
      targets[argument.name.value] = typeof value === 'string' && value.length <= 256 ? value : null;
    }
    audit.record({ mutation: selection.name.value, targets, outcome: 'NOT_APPLIED', upstreamStatus: null, code });
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
