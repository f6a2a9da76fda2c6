import { createHmac, randomBytes } from 'node:crypto';

/**
 * The credential part of a poll key. Callers with different credentials never share a loop (the upstream decides
 * per token what each may read), so the key must tell them apart — keyed-hashed, never in clear text.
 * In client-credentials mode every upstream call uses the gateway's own token, so all callers share one value.
 *
 * The hash is an HMAC-SHA256 keyed with LIVE_CREDENTIAL_SECRET when set: replicas that share loops through Redis
 * must agree on the key, and Redis never sees it, so a dump of Redis cannot confirm a guessed token. Without it the
 * key is random per process (loops are then shared within one process only).
 */
export class CredentialHasher {
  private readonly key: Buffer;
  private readonly keyed: boolean;

  constructor(
    private readonly clientCredentialsMode: boolean,
    secret: string | null = null,
  ) {
    this.key = secret === null ? randomBytes(32) : Buffer.from(secret, 'utf8');
    this.keyed = secret !== null;
  }

  /** Whether two processes with the same settings compute the same hashes (what sharing loops across replicas needs). */
  get sharedAcrossProcesses(): boolean {
    return this.clientCredentialsMode || this.keyed;
  }

  hash(callerAuthorization: string | null): string {
    if (this.clientCredentialsMode) return 'gateway-token';
    if (callerAuthorization === null) return 'anonymous';
    return createHmac('sha256', this.key).update(callerAuthorization).digest('base64url').slice(0, 32);
  }
}
