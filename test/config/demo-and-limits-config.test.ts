// Config: DEMO_UPSTREAM and NODE_ENV=production; the alias limit follows the upstream-call budget.
import { ConfigError, loadConfig } from '../../src/config/config';

describe('config – the demo upstream', () => {
  it('outside production, no UPSTREAM_BASE_URL → the demo', () => {
    expect(loadConfig({})).toMatchObject({ upstreamBaseUrl: null, demoUpstream: true, production: false });
  });

  it('production without UPSTREAM_BASE_URL is refused, naming UPSTREAM_BASE_URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /^Invalid configuration: UPSTREAM_BASE_URL must be set when NODE_ENV=production/,
    );
  });

  it('production with DEMO_UPSTREAM=true → the demo, asked for by name', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', DEMO_UPSTREAM: 'true', CURSOR_SECRET_EPHEMERAL: 'true' }),
    ).toMatchObject({ demoUpstream: true, production: true });
  });

  it('a configured upstream is never the demo; DEMO_UPSTREAM=true beside it is a contradiction', () => {
    expect(loadConfig({ UPSTREAM_BASE_URL: 'https://api.example.com' }).demoUpstream).toBe(false);
    expect(() => loadConfig({ UPSTREAM_BASE_URL: 'https://api.example.com', DEMO_UPSTREAM: 'true' })).toThrow(
      /DEMO_UPSTREAM/,
    );
  });

  it('DEMO_UPSTREAM=false without UPSTREAM_BASE_URL is refused', () => {
    expect(() => loadConfig({ DEMO_UPSTREAM: 'false' })).toThrow(/^Invalid configuration: UPSTREAM_BASE_URL/);
  });
});

describe('config – limits agree', () => {
  it('the alias limit defaults to the upstream-call budget plus room, so the budget always speaks first', () => {
    expect(loadConfig({}).limits).toMatchObject({ maxUpstreamCallsPerOperation: 50, maxAliases: 60 });
    const raised = loadConfig({ MAX_UPSTREAM_CALLS_PER_OPERATION: '200' }).limits;
    expect(raised.maxAliases).toBeGreaterThanOrEqual(raised.maxUpstreamCallsPerOperation);
  });

  it('an explicit MAX_QUERY_ALIASES still wins', () => {
    expect(loadConfig({ MAX_QUERY_ALIASES: '5' }).limits.maxAliases).toBe(5);
  });

  it('the connect timeout has one default (3000 ms), used by the config and the client alike', () => {
    expect(loadConfig({}).resilience.connectTimeoutMs).toBe(3_000);
  });
});
