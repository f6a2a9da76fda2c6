import { request, type Dispatcher } from 'undici';
import type { Logger } from 'pino';
import { readBodyWithin } from './bounded-body';
import type { CredentialsProvider } from './credentials';
import { UpstreamError } from '../errors/upstream-failure';

export interface ClientCredentialsOptions {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  scope: string | null;
  /** Bounds one token request. */
  timeoutMs: number;
  dispatcher: Dispatcher;
  logger: Logger;
}

interface CachedToken {
  authorization: string;
  /** performance.now() after which the token is fetched again. */
  refreshAt: number;
}

// A token is replaced this long before it expires (capped at a tenth of its lifetime for short-lived tokens).
const EXPIRY_MARGIN_MS = 60_000;
const DEFAULT_LIFETIME_S = 300;
const MAX_TOKEN_BYTES = 64 * 1024;

/**
 * OAuth2 client credentials (RFC 6749 §4.4) for server-to-server use: the gateway's own token replaces the caller's
 * Authorization. One token is cached for the process; concurrent callers share one in-flight fetch.
 * The token and the secret are never logged.
 */
export class ClientCredentialsProvider implements CredentialsProvider {
  private cached: CachedToken | null = null;
  private inFlight: Promise<CachedToken> | null = null;

  constructor(private readonly options: ClientCredentialsOptions) {}

  async authorizationFor(_callerAuthorization: string | null, signal?: AbortSignal): Promise<string | null> {
    if (this.cached && performance.now() < this.cached.refreshAt) return this.cached.authorization;
    this.inFlight ??= this.fetchToken().finally(() => {
      this.inFlight = null;
    });
    const token = await (signal ? abortable(this.inFlight, signal) : this.inFlight);
    return token.authorization;
  }

  invalidate(authorization: string): boolean {
    if (this.cached?.authorization === authorization) this.cached = null;
    return true;
  }

  private async fetchToken(): Promise<CachedToken> {
    const { clientId, clientSecret, tokenUrl, scope, timeoutMs, dispatcher, logger } = this.options;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    if (scope) form.set('scope', scope);
    const started = performance.now();
    let status: number | null = null;
    try {
      const response = await request(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        dispatcher,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.statusCode;
      const text = await readBodyWithin(
        response.body,
        MAX_TOKEN_BYTES,
        response.headers['content-length'],
        'the token response',
      );
      if (status < 200 || status >= 300) {
        // 400/401 from a token endpoint means our client credentials were refused.
        const asStatus = status === 400 || status === 401 || status === 403 ? 401 : status;
        throw new UpstreamError({ kind: 'http', status: asStatus, body: null, retryAfterSeconds: null });
      }
      const token = parseToken(text);
      const cached = {
        authorization: `Bearer ${token.accessToken}`,
        refreshAt: performance.now() + lifetimeBeforeRefreshMs(token.expiresInS),
      };
      this.cached = cached;
      return cached;
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new UpstreamError({ kind: 'timeout' });
      const code = (error as { code?: string }).code ?? name;
      throw new UpstreamError({ kind: 'unreachable', cause: `token endpoint: ${code}` });
    } finally {
      logger.info(
        {
          upstream: {
            method: 'POST',
            tokenEndpoint: true,
            status,
            durationMs: Math.round(performance.now() - started),
          },
        },
        'upstream token fetch',
      );
    }
  }
}

function lifetimeBeforeRefreshMs(expiresInS: number): number {
  const lifetimeMs = expiresInS * 1000;
  return lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 10);
}

function parseToken(text: string): { accessToken: string; expiresInS: number } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UpstreamError({ kind: 'bad-response', reason: 'the token endpoint sent invalid JSON' });
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const accessToken = record.access_token;
  if (typeof accessToken !== 'string' || accessToken === '' || /[\r\n]/.test(accessToken)) {
    throw new UpstreamError({ kind: 'bad-response', reason: 'the token endpoint sent no access_token' });
  }
  const expiresIn = Number(record.expires_in);
  return { accessToken, expiresInS: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_S };
}

/** The shared fetch keeps going for other callers; this caller stops waiting when its deadline fires. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new UpstreamError({ kind: 'timeout' }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new UpstreamError({ kind: 'timeout' }));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
