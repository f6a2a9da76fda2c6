// GraphQL over WebSocket (the graphql-ws protocol) on the GraphQL endpoint, wired to Yoga as in Yoga's graphql-ws
// example: every operation runs through yoga.getEnveloped, so the schema, context factory, limits and error masking
// are the HTTP ones. SSE needs none of this: Yoga serves it on /graphql itself.
import type { IncomingMessage, Server } from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { gatewayError } from '../errors/gateway-error';
import type { PersistedOperations } from '../config/persisted-operations-file';
import type { OriginPolicy } from '../config/origins-config';
import { hostAllowed, originAllowed } from './origin-policy';
import { isRefusal, lookupTrustedDocument } from './trusted-documents';
import {
  PERSISTED_QUERY_REFUSALS,
  persistedQueryOf,
  registerPersistedQuery,
  resolvePersistedQuery,
} from './apq/persisted-query-lookup';
import type { PersistedQueryStore } from './apq/persisted-query-store';

export interface WebSocketTransportOptions {
  keepAliveMs: number;
  /** CORS_ORIGINS (alias WS_ALLOWED_ORIGINS): the browser origins that may open a socket. */
  allowedOrigins: OriginPolicy;
  /** ALLOWED_HOSTS: null → any Host (and then no Origin is same-origin by its Host alone). */
  allowedHosts: ReadonlySet<string> | null;
  /** AUTH_MODE=jwt: verifies the token of connection_init's payload (never the URL) at every subscribe; throws UNAUTHENTICATED. */
  authenticate: ((request: Request) => Promise<void>) | null;
  maxQueryLength: number;
  /** With trusted documents on, a WebSocket operation must name an allowlisted hash too. */
  persistedOperations: PersistedOperations | null;
  /** APQ's store (null: APQ off or trusted documents on), the same lookup as POST /graphql. */
  apqStore: PersistedQueryStore | null;
  logger: Logger;
}

export interface WebSocketTransport {
  /** Closes every socket (1001 Going Away) and stops accepting upgrades. */
  close(): Promise<void>;
}

// Copied from the upgrade request into the Request the context factory reads; a browser cannot set headers on a
// WebSocket, so `connectionParams.Authorization` (what Apollo Client and urql send) takes precedence.
const FORWARDED_HEADERS = ['authorization', 'x-request-id', 'traceparent', 'tracestate'] as const;

function requestFor(
  upgrade: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): Request {
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = upgrade.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const fromParams = connectionParams?.Authorization ?? connectionParams?.authorization;
  if (typeof fromParams === 'string' && fromParams !== '' && !/[\r\n]/.test(fromParams))
    headers.set('authorization', fromParams);
  return new Request(`http://localhost${upgrade.url ?? '/graphql'}`, { method: 'POST', headers });
}

/**
 * Cross-site WebSocket hijacking: any page can open a socket to us (no CORS, no CSRF header), so a browser's
 * Origin must be listed. Its Host proves nothing (DNS rebinding points an attacker's name at us), so a page is
 * same-origin only when that Host is one of ALLOWED_HOSTS. Clients without an Origin (servers) are not browsers.
 */
function upgradeOriginAllowed(upgrade: IncomingMessage, options: WebSocketTransportOptions): boolean {
  const origin = upgrade.headers.origin;
  if (origin === undefined) return true;
  if (originAllowed(options.allowedOrigins, origin)) return true;
  if (options.allowedHosts === null) return false;
  try {
    const parsed = new URL(origin);
    return parsed.host === upgrade.headers.host && hostAllowed(options.allowedHosts, upgrade.headers.host);
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage
  }
}

/** Yoga's parse and validation errors carry `extensions.http` (an HTTP status) for its HTTP answers; a socket has none. */
function withoutHttp(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  if (formatted.extensions === undefined || !('http' in formatted.extensions)) return formatted;
  const { http: _http, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

export function attachWebSocketTransport<UserContext extends object>(
  server: Server,
  yoga: YogaServerInstance<Record<string, unknown>, UserContext>,
  options: WebSocketTransportOptions,
): WebSocketTransport {
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    maxPayload: 1024 * 1024,
    verifyClient: ({ req }, accept) => {
      if (!hostAllowed(options.allowedHosts, req.headers.host)) {
        options.logger.warn({ host: req.headers.host }, 'websocket upgrade refused: Host not in ALLOWED_HOSTS');
        return accept(false, 421, 'Misdirected Request');
      }
      if (upgradeOriginAllowed(req, options)) return accept(true);
      options.logger.warn(
        { origin: req.headers.origin, host: req.headers.host },
        'websocket upgrade refused: Origin not in CORS_ORIGINS',
      );
      accept(false, 403, 'Forbidden: cross-site WebSocket (set CORS_ORIGINS to allow this origin)');
    },
  });
  wss.on('error', (error) => options.logger.warn({ err: error }, 'websocket server error'));
  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onError: (_ctx, _id, _payload, errors) => errors.map(withoutHttp),
      onSubscribe: async (ctx, _id, payload) => {
        const request = requestFor(ctx.extra.request, ctx.connectionParams);
        if (options.authenticate) {
          try {
            await options.authenticate(request);
          } catch (error) {
            if (error instanceof GraphQLError) return [error];
            throw error;
          }
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          request,
          params: payload,
          liveConnection: ctx.extra.socket,
        });
        let document: DocumentNode;
        let registration: { hash: string; query: string } | null = null;
        try {
          if (options.persistedOperations) {
            const trusted = lookupTrustedDocument(options.persistedOperations, payload as never);
            if (isRefusal(trusted)) return [gatewayError(trusted.code, trusted.message)];
            document = trusted;
          } else {
            const apq = await persistedQueryOver(options.apqStore, payload, options.logger);
            if (apq && 'code' in apq) return [gatewayError(apq.code, apq.message)];
            const query = apq ? apq.query : payload.query;
            if (typeof query !== 'string' || query.length > options.maxQueryLength) {
              return [
                gatewayError(
                  'OPERATION_LIMIT_EXCEEDED',
                  'The operation is refused: it is too long. Simplify or split it.',
                ),
              ];
            }
            if (apq?.register) registration = { hash: apq.register, query };
            document = parse(query);
          }
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        if (registration)
          registerPersistedQuery(options.apqStore!, registration.hash, registration.query, options.logger);
        // No POST-only rule or CSRF check guards a socket: a mutation here could be a cross-site page acting with
        // the gateway's token (client-credentials mode). Only subscriptions need this transport.
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return [
            gatewayError(
              'BAD_REQUEST',
              'Only subscriptions run over WebSocket: queries and mutations go over POST /graphql.',
            ),
          ];
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
    options.keepAliveMs,
  );
  return { close: () => disposable.dispose() as Promise<void> };
}

/** The APQ lookup POST /graphql uses; with APQ off an APQ payload is PERSISTED_QUERY_NOT_SUPPORTED there too. */
async function persistedQueryOver(
  store: PersistedQueryStore | null,
  payload: { query?: string | null; extensions?: Record<string, unknown> | null },
  logger: Logger,
) {
  if (store === null) return persistedQueryOf(payload) === undefined ? null : PERSISTED_QUERY_REFUSALS.notSupported;
  return resolvePersistedQuery(store, payload, logger);
}
