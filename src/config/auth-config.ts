// AUTH_MODE and AUTH_*: who the caller is (see docs/security.md).
import { ConfigError } from './config-error';
import { readChoice, readInteger, readString, type Env } from './env-readers';

export type AuthConfig =
  /** The caller's Workiva token goes upstream unchanged; the upstream authenticates. */
  | { mode: 'passthrough' }
  /** No caller identity (warned at every start). */
  | { mode: 'none' }
  | ({ mode: 'jwt' } & JwtAuthConfig);

export interface JwtAuthConfig {
  jwksUrl: string;
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
  /** The least time between two JWKS fetches for an unknown `kid` (a caller cannot make the gateway hammer the IdP). */
  jwksCooldownMs: number;
  readScope: string;
  writeScope: string;
}

const MODES = ['passthrough', 'jwt', 'none'] as const;

export function loadAuthConfig(
  env: Env,
  {
    production,
    clientCredentials,
    demoUpstream,
  }: { production: boolean; clientCredentials: boolean; demoUpstream: boolean },
): AuthConfig {
  const given = readString(env, 'AUTH_MODE');
  if (given === undefined && clientCredentials && production) {
    throw new ConfigError(
      'AUTH_MODE',
      'must be set when NODE_ENV=production and UPSTREAM_CLIENT_ID is set (jwt to verify callers, none to let anyone reachable act as the gateway)',
    );
  }
  const mode = readChoice(env, 'AUTH_MODE', { choices: MODES, default: clientCredentials ? 'none' : 'passthrough' });
  if (mode === 'passthrough' && clientCredentials) {
    throw new ConfigError(
      'AUTH_MODE',
      "must not be passthrough when UPSTREAM_CLIENT_ID is set (the caller's token would be replaced by the gateway's): use jwt or none",
    );
  }
  if (mode !== 'jwt') return { mode };
  // The caller's JWT is for the gateway only; the upstream call needs the gateway's own identity.
  if (!clientCredentials && !demoUpstream)
    throw new ConfigError(
      'AUTH_MODE',
      'jwt needs UPSTREAM_CLIENT_ID and UPSTREAM_CLIENT_SECRET (the upstream is called as the gateway)',
    );
  return {
    mode,
    jwksUrl: readJwksUrl(env),
    issuer: readRequired(env, 'AUTH_ISSUER'),
    audience: readRequired(env, 'AUTH_AUDIENCE'),
    clockToleranceSeconds: readInteger(env, 'AUTH_CLOCK_TOLERANCE_SECONDS', { min: 0, max: 30, default: 5 }),
    jwksCooldownMs: readInteger(env, 'AUTH_JWKS_COOLDOWN_MS', { min: 1_000, max: 3_600_000, default: 30_000 }),
    readScope: readScope(env, 'AUTH_READ_SCOPE', 'processes:read'),
    writeScope: readScope(env, 'AUTH_WRITE_SCOPE', 'processes:write'),
  };
}

function readRequired(env: Env, name: string): string {
  const value = readString(env, name);
  if (value === undefined) throw new ConfigError(name, 'must be set when AUTH_MODE=jwt');
  return value;
}

function readScope(env: Env, name: string, fallback: string): string {
  const scope = readString(env, name) ?? fallback;
  if (!/^[\x21\x23-\x5b\x5d-\x7e]{1,200}$/.test(scope))
    throw new ConfigError(name, `must be one OAuth scope token (no spaces or quotes), got "${scope}"`);
  return scope;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

// Keys fetched over plain http could be swapped by anyone on the path; a loopback sidecar is the one exception.
function readJwksUrl(env: Env): string {
  const raw = readRequired(env, 'AUTH_JWKS_URL');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('AUTH_JWKS_URL', `must be an absolute https URL, got "${raw}"`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))) return url.href;
  throw new ConfigError('AUTH_JWKS_URL', `must use https (http only on a loopback host), got "${raw}"`);
}
