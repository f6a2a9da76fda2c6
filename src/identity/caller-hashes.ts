import { createHash, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * What a caller presented: the issuer and subject of its verified JWT (AUTH_MODE=jwt, checked in
 * src/server/jwt-authenticator.ts), else the Authorization value it sent (null: none).
 */
export interface CallerCredential {
  jwt?: { issuer: string; subject: string } | undefined;
  authorization: string | null;
}

/** Who acted, for the audit trail: a verified JWT's subject and issuer, the keyed hash of a credential, or nobody known. */
export type AuditCaller = { sub: string; iss: string } | { credentialHash: string } | { anonymous: true };

export interface CallerHashKeys {
  /**
   * LIVE_CREDENTIAL_SECRET, its first key (src/config/live-config.ts takes it from the list): keys the audit caller,
   * budget key, cache scope and poll key. null → a random key of this process.
   */
  credentialSecret: string | null;
  /** IDEMPOTENCY_SECRET, used whole (not a list). null → a fixed public key when idempotencyStoreShared, else random. */
  idempotencySecret?: string | null;
  /** The idempotency keys live in Redis: every replica must compute the same identity, secret or not. */
  idempotencyStoreShared?: boolean;
  /** UPSTREAM_CLIENT_ID is set: every upstream call carries the gateway's own token, so callers share one scope/poll key. */
  clientCredentialsMode?: boolean;
}

// Without IDEMPOTENCY_SECRET, replicas sharing Redis still agree on identities; a dump then shows an unkeyed hash.
const SHARED_IDEMPOTENCY_KEY = 'process-runs-gateway idempotency caller';
// Keeps cache scopes apart from the poll keys and audit hashes made with the same secret.
const CACHE_SCOPE_DOMAIN = 'upstream-cache\0';

/**
 * The one place a caller's credential or identity is hashed, one derivation per purpose (docs/security.md, "Caller
 * hashes"). Never the credential itself. Every output is stored in or exchanged through Redis, so a derivation's
 * formula never changes: old and new replicas must compute the same value (test/security/caller-hashes.test.ts).
 */
export class CallerHashes {
  private readonly credentialKey: KeyObject;
  private readonly idempotencyKey: KeyObject;
  private readonly credentialKeyed: boolean;
  private readonly clientCredentialsMode: boolean;

  constructor(keys: CallerHashKeys) {
    this.credentialKeyed = keys.credentialSecret !== null;
    this.credentialKey = keyFrom(keys.credentialSecret);
    const idempotencySecret = keys.idempotencySecret ?? null;
    this.idempotencyKey =
      idempotencySecret === null && keys.idempotencyStoreShared
        ? createSecretKey(Buffer.from(SHARED_IDEMPOTENCY_KEY, 'utf8'))
        : keyFrom(idempotencySecret);
    this.clientCredentialsMode = keys.clientCredentialsMode ?? false;
  }

  /** Whether another process with the same settings derives the same cache scopes and poll keys (Redis sharing needs it). */
  get sharedAcrossProcesses(): boolean {
    return this.clientCredentialsMode || this.credentialKeyed;
  }

  /** Whether another process names a passthrough caller alike in audit events and budget keys. */
  get callersNamedAlikeAcrossProcesses(): boolean {
    return this.credentialKeyed;
  }

  /** The audit trail's caller. An empty Authorization counts as none here (and in budgetKey). */
  auditCaller({ jwt, authorization }: CallerCredential): AuditCaller {
    if (jwt) return { sub: jwt.subject, iss: jwt.issuer };
    if (!authorization) return { anonymous: true };
    return { credentialHash: this.credentialHash(authorization) };
  }

  /** One bounded string per caller: the key of its upstream budget (UPSTREAM_RATE_LIMIT_PER_CALLER). */
  budgetKey(credential: CallerCredential): string {
    const caller = this.auditCaller(credential);
    // Not keyed: a subject is no secret, and every replica must name it alike whatever its LIVE_CREDENTIAL_SECRET.
    if ('sub' in caller)
      return `jwt:${createHash('sha256').update(`${caller.iss}\n${caller.sub}`).digest('base64url').slice(0, 32)}`;
    if ('credentialHash' in caller) return `credential:${caller.credentialHash}`;
    return 'anonymous';
  }

  /** Which credential an upstream answer was read with, as it appears in a cache key (docs/caching.md). */
  cacheScope(upstreamAuthorization: string | null): string {
    if (this.clientCredentialsMode) return 'gateway';
    if (upstreamAuthorization === null) return 'anonymous';
    return createHmac('sha256', this.credentialKey)
      .update(CACHE_SCOPE_DOMAIN)
      .update(upstreamAuthorization)
      .digest('base64url')
      .slice(0, 32);
  }

  /** The credential part of a live poll key: callers with different credentials never share a loop. */
  pollKey(upstreamAuthorization: string | null): string {
    if (this.clientCredentialsMode) return 'gateway-token';
    if (upstreamAuthorization === null) return 'anonymous';
    return this.credentialHash(upstreamAuthorization);
  }

  /** Whose idempotency keys a request uses: a refreshed JWT is the same caller; else its Authorization, keyed. */
  idempotencyIdentity({ jwt, authorization }: CallerCredential): string {
    if (jwt) return `jwt:${hmac32(this.idempotencyKey, `${jwt.issuer}\n${jwt.subject}`)}`;
    if (authorization === null) return 'anonymous';
    return hmac32(this.idempotencyKey, authorization);
  }

  // The audit hash and the poll key's are one formula, undivided since both shipped: Redis holds the poll keys.
  private credentialHash(authorization: string): string {
    return hmac32(this.credentialKey, authorization);
  }
}

// A KeyObject, made once: an HMAC keyed with a Buffer converts the key on every call (~7x slower on Node 24).
function keyFrom(secret: string | null): KeyObject {
  return createSecretKey(secret === null ? randomBytes(32) : Buffer.from(secret, 'utf8'));
}

function hmac32(key: KeyObject, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url').slice(0, 32);
}
