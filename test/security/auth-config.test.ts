import { loadConfig } from '../../src/config/config';
import { withGateway } from '../harness';

const PRODUCTION = {
  NODE_ENV: 'production',
  UPSTREAM_BASE_URL: 'https://api.example.com',
  ALLOWED_HOSTS: 'gateway.example.com',
  CURSOR_SECRET: 'c'.repeat(32),
};
const CREDENTIALS = { UPSTREAM_CLIENT_ID: 'id', UPSTREAM_CLIENT_SECRET: 'secret' };
const JWT = {
  AUTH_MODE: 'jwt',
  AUTH_JWKS_URL: 'https://idp.example.com/jwks',
  AUTH_ISSUER: 'https://idp.example.com/',
  AUTH_AUDIENCE: 'gateway',
};

describe('AUTH_MODE config', () => {
  it('production with client credentials and no AUTH_MODE is refused, naming AUTH_MODE', () => {
    expect(() => loadConfig({ ...PRODUCTION, ...CREDENTIALS })).toThrow(
      /^Invalid configuration: AUTH_MODE must be set when NODE_ENV=production and UPSTREAM_CLIENT_ID is set/,
    );
  });

  it('defaults: passthrough without client credentials; none (warned) with them outside production', () => {
    expect(loadConfig({}).auth).toEqual({ mode: 'passthrough' });
    expect(loadConfig({ ...CREDENTIALS, UPSTREAM_BASE_URL: 'https://api.example.com' }).auth).toEqual({ mode: 'none' });
  });

  it('passthrough with client credentials, and jwt without them, are refused', () => {
    expect(() => loadConfig({ ...PRODUCTION, ...CREDENTIALS, AUTH_MODE: 'passthrough' })).toThrow(
      /AUTH_MODE must not be passthrough when UPSTREAM_CLIENT_ID is set/,
    );
    expect(() => loadConfig({ ...PRODUCTION, ...JWT })).toThrow(/AUTH_MODE jwt needs UPSTREAM_CLIENT_ID/);
  });

  it('jwt: defaults, the JWKS URL must be https (http only on loopback), tolerance at most 30 s', () => {
    expect(loadConfig({ ...PRODUCTION, ...CREDENTIALS, ...JWT }).auth).toEqual({
      mode: 'jwt',
      jwksUrl: 'https://idp.example.com/jwks',
      issuer: 'https://idp.example.com/',
      audience: 'gateway',
      clockToleranceSeconds: 5,
      jwksCooldownMs: 30_000,
      readScope: 'processes:read',
      writeScope: 'processes:write',
    });
    const jwt = { ...PRODUCTION, ...CREDENTIALS, ...JWT };
    expect(() => loadConfig({ ...jwt, AUTH_JWKS_URL: 'http://idp.example.com/jwks' })).toThrow(
      'Invalid configuration: AUTH_JWKS_URL must use https (http only on a loopback host), got "http://idp.example.com/jwks"',
    );
    expect(loadConfig({ ...jwt, AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' }).auth).toMatchObject({
      jwksUrl: 'http://127.0.0.1:8080/jwks',
    });
    expect(() => loadConfig({ ...jwt, AUTH_CLOCK_TOLERANCE_SECONDS: '31' })).toThrow(
      /AUTH_CLOCK_TOLERANCE_SECONDS must be from 0 to 30/,
    );
    expect(() => loadConfig({ ...jwt, AUTH_ISSUER: '' })).toThrow(
      'Invalid configuration: AUTH_ISSUER must be set when AUTH_MODE=jwt',
    );
    expect(() => loadConfig({ ...jwt, AUTH_READ_SCOPE: 'two words' })).toThrow(
      /AUTH_READ_SCOPE must be one OAuth scope token/,
    );
  });

  it('jwt in production requires ALLOWED_HOSTS', () => {
    const { ALLOWED_HOSTS: _hosts, ...withoutHosts } = PRODUCTION;
    expect(() => loadConfig({ ...withoutHosts, ...CREDENTIALS, ...JWT })).toThrow(
      /ALLOWED_HOSTS must be set when NODE_ENV=production and AUTH_MODE=jwt/,
    );
  });

  it('AUTH_MODE=none is warned at start', async () => {
    await withGateway({ ...CREDENTIALS, AUTH_MODE: 'none' }, async (gateway) => {
      const warning = gateway.logs.entries.find((entry) => entry.level === 40 && /AUTH_MODE=none/.test(entry.msg));
      expect(warning?.msg).toBe(
        'AUTH_MODE=none: callers are not identified; anyone who reaches the gateway acts with its upstream identity',
      );
    });
  });
});
