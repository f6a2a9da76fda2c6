// CORS_ORIGINS (alias WS_ALLOWED_ORIGINS) and ALLOWED_HOSTS: who may call the gateway from a browser, under which names.
import { ConfigError } from './config-error';
import { readString, type Env } from './env-readers';

/** Which browser origins may call cross-origin (HTTP CORS and WebSocket upgrades alike). */
export type OriginPolicy =
  | { kind: 'list'; origins: ReadonlySet<string> }
  /** Outside production with nothing configured: http://localhost and http://127.0.0.1 on any port. */
  | { kind: 'loopback-any-port' };

export interface OriginsConfig {
  corsOrigins: OriginPolicy;
  /** ALLOWED_HOSTS: lower-case host names without port; null → any Host is served. */
  allowedHosts: ReadonlySet<string> | null;
}

export function loadOriginsConfig(env: Env, production: boolean): OriginsConfig {
  return { corsOrigins: readCorsOrigins(env, production), allowedHosts: readAllowedHosts(env) };
}

function readCorsOrigins(env: Env, production: boolean): OriginPolicy {
  const cors = readString(env, 'CORS_ORIGINS');
  const alias = readString(env, 'WS_ALLOWED_ORIGINS');
  if (cors !== undefined && alias !== undefined && cors !== alias) {
    throw new ConfigError(
      'WS_ALLOWED_ORIGINS',
      'is an alias of CORS_ORIGINS: set one of them (or both to the same list)',
    );
  }
  const name = cors !== undefined ? 'CORS_ORIGINS' : 'WS_ALLOWED_ORIGINS';
  const raw = cors ?? alias;
  if (raw === undefined) return production ? { kind: 'list', origins: new Set() } : { kind: 'loopback-any-port' };
  const origins = new Set<string>();
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    // Credentials (the Authorization header) are always allowed cross-origin, so a wildcard would hand them to any page.
    if (entry === '*')
      throw new ConfigError(name, 'must not be * (credentials are allowed cross-origin): list the origins');
    origins.add(parseOrigin(name, entry));
  }
  return { kind: 'list', origins };
}

// Entries are compared with a browser's Origin header, which is always a bare scheme://host[:port].
function parseOrigin(name: string, entry: string): string {
  try {
    const url = new URL(entry);
    if (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === entry.replace(/\/$/, '').toLowerCase()
    )
      return url.origin;
  } catch {
    // reported below
  }
  throw new ConfigError(name, `must be a comma-separated list of origins like https://app.example.com, got "${entry}"`);
}

const HOST_NAME =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/;

function readAllowedHosts(env: Env): ReadonlySet<string> | null {
  const raw = readString(env, 'ALLOWED_HOSTS');
  if (raw === undefined) return null;
  const hosts = new Set<string>();
  for (const entry of raw
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '')) {
    if (!HOST_NAME.test(entry))
      throw new ConfigError(
        'ALLOWED_HOSTS',
        `must be a comma-separated list of host names without port (api.example.com), got "${entry}"`,
      );
    hosts.add(entry);
  }
  return hosts;
}
