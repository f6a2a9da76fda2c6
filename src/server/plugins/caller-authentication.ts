import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { gatewayError } from '../../errors/gateway-error';
import { callerCredentialOf, jwtCallerOf, unauthenticated, type JwtAuthenticator } from '../jwt-authenticator';
import { requestIdOf } from '../context';
import { endAtExpiry } from '../end-at-expiry';
import type { CallerHashes } from '../../identity/caller-hashes';
import { createAuditTrail, recordRefusedMutations } from '../../writes/audit-trail';

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
      recordRefusedMutations(
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

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
