// The runtime side of CORS_ORIGINS and ALLOWED_HOSTS: one answer for HTTP (Yoga's cors option) and WebSocket upgrades.
import type { CORSOptions } from 'graphql-yoga';
import type { OriginPolicy } from '../config/origins-config';

const LOOPBACK_ORIGIN = /^http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?$/;

/** Whether a browser page served from `origin` may call the gateway. `null` (sandboxed frames, file:) never may. */
export function originAllowed(policy: OriginPolicy, origin: string): boolean {
  if (policy.kind === 'loopback-any-port') return LOOPBACK_ORIGIN.test(origin);
  return policy.origins.has(origin);
}

/** The Host header's name, lower-case, without port or trailing dot; null when there is none. */
export function hostNameOf(host: string | null | undefined): string | null {
  if (!host) return null;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  return name.toLowerCase().replace(/\.$/, '') || null;
}

/** ALLOWED_HOSTS: null lets every Host through. */
export function hostAllowed(allowedHosts: ReadonlySet<string> | null, host: string | null | undefined): boolean {
  if (allowedHosts === null) return true;
  const name = hostNameOf(host);
  return name !== null && allowedHosts.has(name);
}

// Preflights are cached by the browser for this long; a changed CORS_ORIGINS takes effect within it.
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Yoga's `cors` option: allow headers only for a listed origin, none at all for any other (Yoga's default reflects every Origin). */
export function corsOptionsFor(
  policy: OriginPolicy,
  allowedHosts: ReadonlySet<string> | null,
): (request: Request) => CORSOptions {
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !originAllowed(policy, origin) || !hostAllowed(allowedHosts, request.headers.get('host')))
      return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: [
        'authorization',
        'content-type',
        'accept',
        'x-request-id',
        'traceparent',
        'tracestate',
        'graphql-client-name',
        'graphql-client-version',
        'apollo-require-preflight',
        'x-graphql-yoga-csrf',
        'idempotency-key',
        'x-gateway-cache-info',
      ],
      // Read by browser clients: the request id to quote, and whether a mutation's answer was a replay.
      exposedHeaders: ['x-request-id', 'idempotent-replayed'],
      maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    };
  };
}
