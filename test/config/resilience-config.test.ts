import { ConfigError, loadConfig } from '../../src/config/config';

describe('upstream resilience – configuration', () => {
  const base = { UPSTREAM_BASE_URL: 'https://api.app.wdesk.com/platform/v1' };

  it('has the documented defaults', () => {
    expect(loadConfig(base).resilience).toEqual({
      connectTimeoutMs: 3_000,
      headersTimeoutMs: 10_000,
      bodyTimeoutMs: 10_000,
      maxSockets: 64,
      maxAttempts: 3,
      retryBaseDelayMs: 100,
      retryMaxDelayMs: 2_000,
      breakerThreshold: 5,
      breakerHalfOpenAfterMs: 10_000,
      rateLimit: null,
      rateLimitPerCaller: null,
      maxBodyBytes: 10 * 1024 * 1024,
      clientCredentials: null,
    });
  });

  it('reads a rate budget and client credentials, deriving the token URL from the upstream origin', () => {
    const config = loadConfig({
      ...base,
      UPSTREAM_RATE_LIMIT: '1000/60s',
      UPSTREAM_CLIENT_ID: 'id',
      UPSTREAM_CLIENT_SECRET: 'secret',
    });
    expect(config.resilience.rateLimit).toEqual({ limit: 1000, windowMs: 60_000 });
    expect(config.resilience.clientCredentials).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      tokenUrl: 'https://api.app.wdesk.com/oauth2/token',
      scope: null,
    });
  });

  it.each([
    [{ UPSTREAM_CLIENT_ID: 'id' }, 'UPSTREAM_CLIENT_SECRET'],
    [{ UPSTREAM_CLIENT_SECRET: 'secret' }, 'UPSTREAM_CLIENT_ID'],
    [{ UPSTREAM_RATE_LIMIT: '1000 per minute' }, 'UPSTREAM_RATE_LIMIT'],
    [{ UPSTREAM_RATE_LIMIT: '0/60s' }, 'UPSTREAM_RATE_LIMIT'],
    [{ UPSTREAM_MAX_ATTEMPTS: '0' }, 'UPSTREAM_MAX_ATTEMPTS'],
    [{ UPSTREAM_MAX_BODY_BYTES: '10MB' }, 'UPSTREAM_MAX_BODY_BYTES'],
    [{ UPSTREAM_TOKEN_URL: 'ftp://x', UPSTREAM_CLIENT_ID: 'id', UPSTREAM_CLIENT_SECRET: 's' }, 'UPSTREAM_TOKEN_URL'],
  ])('%j is refused naming %s', (env, variable) => {
    let thrown: unknown;
    try {
      loadConfig({ ...base, ...env });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
  });

  it('refuses client credentials with neither a token URL nor an upstream to derive it from', () => {
    expect(() => loadConfig({ UPSTREAM_CLIENT_ID: 'id', UPSTREAM_CLIENT_SECRET: 's' })).toThrow(/UPSTREAM_TOKEN_URL/);
  });
});
