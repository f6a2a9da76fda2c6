import { createHash, randomBytes } from 'node:crypto';

/**
 * The credential part of a poll key. Callers with different credentials never share a loop (the upstream decides
 * per token what each may read), so the key must tell them apart — salted and hashed, never in clear text.
 * In client-credentials mode every upstream call uses the gateway's own token, so all callers share one value.
 */
export class CredentialHasher {
  constructor(
    private readonly clientCredentialsMode: boolean,
    private readonly salt: Buffer = randomBytes(16),
  ) {}

  hash(callerAuthorization: string | null): string {
    if (this.clientCredentialsMode) return 'gateway-token';
    if (callerAuthorization === null) return 'anonymous';
    return createHash('sha256').update(this.salt).update(callerAuthorization).digest('base64url').slice(0, 32);
  }
}
