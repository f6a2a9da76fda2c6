import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { gatewayError } from '../../errors/gateway-error';
import { jwtCallerOf, unauthenticated, type JwtAuthenticator } from '../caller-identity';
import { requestIdOf } from '../context';
import { endAtExpiry } from '../end-at-expiry';

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
export function useCallerAuthentication(authenticator: JwtAuthenticator, scopes: ScopeNames, logger: Logger): Plugin {
  const checkScope = (args: { document: DocumentNode; operationName?: string | null; contextValue: unknown }): GraphQLError | null => {
    const request = (args.contextValue as { request?: Request }).request;
    const caller = request === undefined ? undefined : jwtCallerOf(request);
    if (caller === undefined) return unauthenticated();
    const operation = getOperationAST(args.document, args.operationName)?.operation;
    const needed = operation === 'mutation' ? scopes.write : scopes.read;
    if (caller.scopes.has(needed)) return null;
    logger.child({ requestId: requestIdOf(request!) }).info({ requiredScope: needed, subject: caller.subject }, 'caller refused: FORBIDDEN (scope)');
    // A subscription's refusal is its one event (as its other errors are), so SSE and graphql-ws clients read it alike.
    return gatewayError('FORBIDDEN', `This operation needs the scope "${needed}", which the caller's token does not grant.`, {
      requiredScope: needed,
      ...(operation === 'subscription' ? {} : { http: { status: 403 } }),
    });
  };
  return {
    async onParams({ request, setResult }) {
      try {
        await authenticator.authenticate(request, logger.child({ requestId: requestIdOf(request) }));
      } catch (error) {
        setResult({ errors: [error as GraphQLError] });
      }
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
          setResult(endAtExpiry(result, untilMs, () => ({ errors: [gatewayError('UNAUTHENTICATED', 'The token expired: subscribe again with a fresh one.')] })));
        },
      };
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
