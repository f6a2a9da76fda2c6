// Production refuses to start unsafe: through the real entry point, exit 2 and one line naming the variable.
import { runEntryPointToExit, useBuiltEntryPoint } from '../harness';

const PRODUCTION = { NODE_ENV: 'production', UPSTREAM_BASE_URL: 'https://api.example.com' };

describe('the real entry point: production security refusals', () => {
  useBuiltEntryPoint();

  it.each([
    ['no CURSOR_SECRET', PRODUCTION, 'CURSOR_SECRET'],
    [
      'client credentials without AUTH_MODE',
      {
        ...PRODUCTION,
        CURSOR_SECRET: 'c'.repeat(32),
        UPSTREAM_CLIENT_ID: 'id',
        UPSTREAM_CLIENT_SECRET: 'client-secret-value',
      },
      'AUTH_MODE',
    ],
    ['CORS_ORIGINS=*', { ...PRODUCTION, CURSOR_SECRET: 'c'.repeat(32), CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
  ])('%s: exit 2, one line naming it, no secret printed', async (_name, env, variable) => {
    const { code, stdout, stderr } = await runEntryPointToExit(env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(stderr).not.toContain('client-secret-value');
    expect(stderr).not.toContain('c'.repeat(32));
  });
});
