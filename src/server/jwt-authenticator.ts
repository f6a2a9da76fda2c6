// AUTH_MODE=jwt: who the caller is, from a JWT verified against the organisation's JWKS (jose: no hand-written crypto).
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { JwtAuthConfig } from '../config/auth-config';
import { gatewayError } from '../errors/gateway-error';
import type { CallerCredential } from '../identity/caller-hashes';

export interface JwtCaller {
  subject: string;
  issuer: string;
  scopes: ReadonlySet<string>;
  /** When the token stops being accepted (exp plus the clock tolerance), in epoch ms. */
  acceptedUntilMs: number;
}

// Asymmetric only: an HMAC algorithm would let anyone holding the public key sign (the classic key-confusion attack).
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;
const JWKS_TIMEOUT_MS = 5_000;

const callers = new WeakMap<Request, JwtCaller>();

/** The verified caller of a request (set by the authentication step); undefined outside AUTH_MODE=jwt. */
export function jwtCallerOf(request: Request): JwtCaller | undefined {
  return callers.get(request);
}

/** What src/identity/caller-hashes.ts names the caller of a request by: its verified JWT, else its Authorization. */
export function callerCredentialOf(request: Request): CallerCredential {
  return { jwt: callers.get(request), authorization: request.headers.get('authorization') };
}

export function unauthenticated(
  message = 'Authentication required: send a valid bearer token (Authorization: Bearer <JWT>).',
): GraphQLError {
  return gatewayError('UNAUTHENTICATED', message, { http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } });
}

export class JwtAuthenticator {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: JwtAuthConfig) {
    // Keys are cached; a token with an unknown kid refetches (at most once per cooldown): rotation needs no restart.
    this.keys = createRemoteJWKSet(new URL(config.jwksUrl), {
      cooldownDuration: config.jwksCooldownMs,
      cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
      timeoutDuration: JWKS_TIMEOUT_MS,
    });
  }

  /** Verifies the request's bearer token and remembers the caller; throws UNAUTHENTICATED (the reason is logged, never the token). */
  async authenticate(request: Request, logger: Logger): Promise<JwtCaller> {
    const known = callers.get(request);
    if (known) return known;
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (token === undefined) {
      logger.info(
        { reason: request.headers.has('authorization') ? 'malformed bearer token' : 'no bearer token' },
        'caller refused: UNAUTHENTICATED',
      );
      throw unauthenticated();
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      logger.info({ reason: code ?? 'ERR_UNKNOWN', detail: message }, 'caller refused: UNAUTHENTICATED');
      throw unauthenticated();
    }
    const caller: JwtCaller = {
      subject: String(payload.sub),
      issuer: String(payload.iss),
      scopes: scopesOf(payload),
      acceptedUntilMs: (payload.exp! + this.config.clockToleranceSeconds) * 1000,
    };
    callers.set(request, caller);
    return caller;
  }
}

/** `scope` (space-separated, RFC 8693) or `scp` (an array, as Azure AD and Okta send). */
function scopesOf(payload: JWTPayload): ReadonlySet<string> {
  const scopes = new Set<string>();
  if (typeof payload.scope === 'string')
    payload.scope
      .split(' ')
      .filter(Boolean)
      .forEach((scope) => scopes.add(scope));
  const scp = payload.scp;
  if (Array.isArray(scp))
    scp.filter((scope): scope is string => typeof scope === 'string').forEach((scope) => scopes.add(scope));
  else if (typeof scp === 'string')
    scp
      .split(' ')
      .filter(Boolean)
      .forEach((scope) => scopes.add(scope));
  return scopes;
}
