import { createHmac, randomBytes } from 'node:crypto';

// Without IDEMPOTENCY_SECRET, replicas sharing Redis still agree on identities; a dump then shows an unkeyed hash.
const SHARED_DEFAULT_KEY = 'process-runs-gateway idempotency caller';

/**
 * Whose idempotency keys a request uses: the verified JWT's issuer and subject (AUTH_MODE=jwt: a refreshed token is the
 * same caller), else the caller's credential as an HMAC of its Authorization value (never the value itself).
 */
export class CallerIdentity {
  private readonly key: Buffer;

  /** `sharedStore`: the keys live in Redis, so every replica must compute the same identity. */
  constructor(secret: string | null, sharedStore: boolean) {
    this.key =
      secret !== null
        ? Buffer.from(secret, 'utf8')
        : sharedStore
          ? Buffer.from(SHARED_DEFAULT_KEY, 'utf8')
          : randomBytes(32);
  }

  of(request: Request, jwtCaller?: { issuer: string; subject: string }): string {
    if (jwtCaller)
      return (
        'jwt:' +
        createHmac('sha256', this.key)
          .update(`${jwtCaller.issuer}\n${jwtCaller.subject}`)
          .digest('base64url')
          .slice(0, 32)
      );
    const authorization = request.headers.get('authorization');
    if (authorization === null) return 'anonymous';
    return createHmac('sha256', this.key).update(authorization).digest('base64url').slice(0, 32);
  }
}
