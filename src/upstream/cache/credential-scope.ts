import { createHmac, randomBytes } from 'node:crypto';

/**
 * Which credential an upstream answer was read with, as it may appear in a cache key: an HMAC, never the token.
 * In client-credentials mode every call carries the gateway's own token, so all callers share one scope.
 * With a secret (LIVE_CREDENTIAL_SECRET) replicas compute the same scope, which the Redis tier needs; without one
 * the key is random per process and the Redis tier is not used for caller credentials.
 */
export class CredentialScope {
  private readonly key: Buffer;

  constructor(
    private readonly clientCredentialsMode: boolean,
    private readonly secret: string | null,
  ) {
    this.key = secret === null ? randomBytes(32) : Buffer.from(secret, 'utf8');
  }

  /** Whether another process with the same settings derives the same scope (what sharing through Redis needs). */
  get sharedAcrossProcesses(): boolean {
    return this.clientCredentialsMode || this.secret !== null;
  }

  of(callerAuthorization: string | null): string {
    if (this.clientCredentialsMode) return 'gateway';
    if (callerAuthorization === null) return 'anonymous';
    // Domain-separated from the live poll keys' hash, which may use the same secret.
    return createHmac('sha256', this.key)
      .update('upstream-cache\0')
      .update(callerAuthorization)
      .digest('base64url')
      .slice(0, 32);
  }
}
