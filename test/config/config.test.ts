import { ConfigError, loadConfig } from '../../src/config/config';

describe('configuration – validated once at start', () => {
  it('has safe defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      upstreamBaseUrl: null,
      upstreamApiVersion: '2026-04-01.processes.preview',
      upstreamTimeoutMs: 10000,
      logLevel: 'info',
      development: false,
      shutdownGraceMs: 10000,
      shutdownDelayMs: 0,
    });
  });

  it('waits 5 s after SIGTERM before draining in production (a balancer still routes here), unless SHUTDOWN_DELAY_MS says', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', DEMO_UPSTREAM: 'true', CURSOR_SECRET_EPHEMERAL: 'true' }).shutdownDelayMs,
    ).toBe(5000);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        DEMO_UPSTREAM: 'true',
        CURSOR_SECRET_EPHEMERAL: 'true',
        SHUTDOWN_DELAY_MS: '0',
      }).shutdownDelayMs,
    ).toBe(0);
    expect(() => loadConfig({ SHUTDOWN_DELAY_MS: '-1' })).toThrow(/SHUTDOWN_DELAY_MS/);
  });

  it('normalises UPSTREAM_BASE_URL (trailing slashes dropped)', () => {
    expect(loadConfig({ UPSTREAM_BASE_URL: 'https://api.app.wdesk.com/' }).upstreamBaseUrl).toBe(
      'https://api.app.wdesk.com',
    );
  });

  it.each([
    ['PORT', 'http', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be from 0 to 65535/],
    ['UPSTREAM_BASE_URL', 'api.app.wdesk.com', /UPSTREAM_BASE_URL must be an absolute http\(s\) URL/],
    ['UPSTREAM_BASE_URL', 'ftp://example.com', /UPSTREAM_BASE_URL must use http or https/],
    ['UPSTREAM_BASE_URL', 'https://user:pw@example.com', /UPSTREAM_BASE_URL must not carry/],
    ['UPSTREAM_TIMEOUT_MS', '0', /UPSTREAM_TIMEOUT_MS must be from 1/],
    ['UPSTREAM_TIMEOUT_MS', '1.5', /UPSTREAM_TIMEOUT_MS must be a whole number/],
    ['UPSTREAM_API_VERSION', 'v1; drop', /UPSTREAM_API_VERSION must be a version label/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of/],
  ])('%s=%s is refused with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
