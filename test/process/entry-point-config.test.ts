import { spawnSync } from 'node:child_process';
import { ENTRY_POINT, useBuiltEntryPoint } from '../harness';

// The loader's rules are tested in test/config without a build; this is the one check that the real entry point
// turns a ConfigError into one line on stderr and exit code 2.
describe('configuration – the real entry point', () => {
  useBuiltEntryPoint();

  it('the real entry point prints one clear line and exits non-zero on a bad value', () => {
    const result = spawnSync(process.execPath, [ENTRY_POINT], {
      env: { PATH: process.env.PATH, UPSTREAM_TIMEOUT_MS: 'soon' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: UPSTREAM_TIMEOUT_MS must be a whole number from 1 to 600000, got "soon"',
    ]);
  });
});
