import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import { isGatewayErrorCode } from '../../errors/error-codes';
import { gatewayError } from '../../errors/gateway-error';
import { acceptsMultipartSubscription } from './multipart-subscriptions';

const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * Browsers' "simple" requests (GET, form posts) must carry the CSRF header; JSON POSTs are preflighted and pass as
 * they are. The library's refusal has no code and does not say how to fix the request; this one does.
 */
export function useCsrfRefusal(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }) as Plugin;
  return {
    onRequestParse(payload) {
      try {
        return csrf.onRequestParse?.(payload);
      } catch {
        throw gatewayError(
          'BAD_REQUEST',
          `Refused as a possible cross-site request: send the operation as a POST with Content-Type: application/json, or add the ${CSRF_HEADER} header (any value).`,
          { http: { status: 403 } },
        );
      }
    },
  };
}

/** What serves a subscription, named in the 406 a JSON-only subscription request gets. One list: add a transport here. */
export const SUBSCRIPTION_TRANSPORTS = [
  { transport: 'sse', how: 'POST (or GET) /graphql with Accept: text/event-stream' },
  { transport: 'graphql-ws', how: 'a WebSocket on /graphql, subprotocol graphql-transport-ws' },
  {
    transport: 'multipart',
    how: 'POST /graphql with Accept: multipart/mixed;subscriptionSpec=1.0 (Apollo Client over HTTP)',
  },
] as const;
// The media types of SUBSCRIPTION_TRANSPORTS served on the HTTP request itself (multipart: with its parameter).
const STREAM_MEDIA_TYPES = ['text/event-stream'];

/**
 * A subscription over HTTP whose Accept allows no streaming media type is refused with 406 (GraphQL over HTTP) and a
 * body naming the transports, before it subscribes: Yoga would subscribe first, then answer an empty 406.
 */
export function useSubscriptionNotAcceptable(): Plugin {
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      // A WebSocket's upgrade request is the transport itself: its Accept says nothing.
      if (!request || request.headers.get('upgrade') !== null) return;
      const accept = request.headers.get('accept') ?? '*/*';
      if (acceptsAny(accept, STREAM_MEDIA_TYPES) || acceptsMultipartSubscription(accept)) return;
      const message = `A subscription needs a streaming transport: ${SUBSCRIPTION_TRANSPORTS.map(({ transport, how }) => `${transport} (${how})`).join(' or ')}. This request's Accept header allows none of them.`;
      setResultAndStopExecution({
        errors: [
          gatewayError('BAD_REQUEST', message, {
            http: { status: 406 },
            transports: SUBSCRIPTION_TRANSPORTS.map(({ transport }) => transport),
          }),
        ],
      });
    },
  };
}

/** Whether an Accept header's media ranges (`*\/*`, `text/*`, exact) take one of `mediaTypes`. */
function acceptsAny(accept: string, mediaTypes: string[]): boolean {
  const ranges = accept
    .toLowerCase()
    .split(',')
    .map((range) => range.split(';')[0]!.trim());
  return ranges.some((range) => {
    const [type, subtype] = range.split('/');
    return mediaTypes.some((mediaType) => {
      const [wantedType, wantedSubtype] = mediaType.split('/');
      return (type === '*' || type === wantedType) && (subtype === '*' || subtype === wantedSubtype);
    });
  });
}

type ErrorLike = { message: string; extensions?: Record<string, unknown> };

/**
 * Every error leaves with a code from the closed list (src/errors/error-codes.ts). graphql-js's variable coercion
 * errors carry none: they are the caller's bad or missing variables. Any other codeless error with a 4xx HTTP status
 * is a malformed request; anything else is a bug. Runs before logging and metrics so both see the final code.
 * A malformed request keeps its 4xx status under every media type.
 */
export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of ((single as { errors?: ErrorLike[] }).errors ?? []) as ErrorLike[]) {
          const extensions = (error.extensions ??= {});
          // Yoga answers 200 to a malformed request (no query, a body that is not JSON) when the client accepts
          // application/json; GraphQL over HTTP wants 4xx for a request that is not well-formed whatever the media
          // type. A parse or validation failure is well-formed: it keeps Yoga's 200 under application/json.
          const http = extensions.http as { spec?: boolean } | undefined;
          if (http?.spec && extensions.code === 'BAD_REQUEST') delete http.spec;
          if (isGatewayErrorCode(extensions.code)) continue;
          extensions.code = codeFor(error, extensions);
        }
      }
    },
  };
}

function codeFor(error: ErrorLike, extensions: Record<string, unknown>): string {
  if (error.message.startsWith('Variable "$')) return 'BAD_USER_INPUT';
  const status = (extensions.http as { status?: number } | undefined)?.status;
  if (status !== undefined && status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL_SERVER_ERROR';
}
