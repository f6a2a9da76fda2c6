import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { AuditCaller } from '../writes/audit-trail';
import { jwtCallerOf } from './jwt-authenticator';

/**
 * Who the caller is, for the audit trail and per-caller budgets: a verified JWT's sub and iss, else a keyed hash of
 * the credential it sent (never the credential), else anonymous. `key`: LIVE_CREDENTIAL_SECRET when set, so every
 * replica names a caller alike; else random per process.
 */
export class CallerKeys {
  private readonly key: Buffer;

  constructor(secret: string | null) {
    this.key = secret === null ? randomBytes(32) : Buffer.from(secret, 'utf8');
  }

  callerOf(request: Request): AuditCaller {
    const jwt = jwtCallerOf(request);
    if (jwt) return { sub: jwt.subject, iss: jwt.issuer };
    const authorization = request.headers.get('authorization');
    if (!authorization) return { anonymous: true };
    return { credentialHash: createHmac('sha256', this.key).update(authorization).digest('base64url').slice(0, 32) };
  }

  /** One bounded string per caller (a budget's key). */
  keyOf(request: Request): string {
    const caller = this.callerOf(request);
    // Not keyed: a subject is no secret, and every replica must name it alike whatever its LIVE_CREDENTIAL_SECRET.
    if ('sub' in caller)
      return `jwt:${createHash('sha256').update(`${caller.iss}\n${caller.sub}`).digest('base64url').slice(0, 32)}`;
    if ('credentialHash' in caller) return `credential:${caller.credentialHash}`;
    return 'anonymous';
  }
}
