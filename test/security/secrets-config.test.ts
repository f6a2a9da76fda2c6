import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { ProcessCursorCodec } from '../../src/validation/process-cursor';
import { withGateway } from '../harness';

const OLD = 'o'.repeat(32);
const NEW = 'n'.repeat(32);
const PRODUCTION = { NODE_ENV: 'production', UPSTREAM_BASE_URL: 'https://api.example.com' };
const ARGS = { pageSize: 10, nameContains: null, orderBy: 'name asc' } as const;

function secretFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gateway-secret-')), 'secret');
  writeFileSync(path, content);
  return path;
}

describe('secrets – required in production, rotatable, from files', () => {
  it('production without CURSOR_SECRET is refused naming it, unless CURSOR_SECRET_EPHEMERAL=true', () => {
    expect(() => loadConfig(PRODUCTION)).toThrow(
      'Invalid configuration: CURSOR_SECRET must be set when NODE_ENV=production (the same on every replica; CURSOR_SECRET_EPHEMERAL=true for a single replica)',
    );
    expect(loadConfig({ ...PRODUCTION, CURSOR_SECRET_EPHEMERAL: 'true' }).cursorSecret).toBeNull();
    expect(() => loadConfig({ CURSOR_SECRET: NEW, CURSOR_SECRET_EPHEMERAL: 'true' })).toThrow(
      /CURSOR_SECRET_EPHEMERAL must not be true when CURSOR_SECRET is set/,
    );
  });

  it('CURSOR_SECRET_EPHEMERAL is warned at start in production', async () => {
    await withGateway({ NODE_ENV: 'production', CURSOR_SECRET_EPHEMERAL: 'true' }, async (gateway) => {
      expect(gateway.logs.entries.filter((entry) => entry.level === 40).map((entry) => entry.msg)).toContain(
        'CURSOR_SECRET_EPHEMERAL=true: processes cursors are signed with a key of this process only; they fail on another replica or after a restart',
      );
    });
  });

  it('a comma list: the first key signs, every key verifies; a cursor signed by a dropped key is refused', () => {
    const before = new ProcessCursorCodec(loadConfig({ CURSOR_SECRET: OLD }).cursorSecret);
    const during = new ProcessCursorCodec(loadConfig({ CURSOR_SECRET: `${NEW}, ${OLD}` }).cursorSecret);
    const after = new ProcessCursorCodec(loadConfig({ CURSOR_SECRET: NEW }).cursorSecret);
    const inFlight = before.encode(ARGS, 'tok-2');
    expect(during.decode(inFlight, ARGS)).toEqual({ nextToken: 'tok-2' });
    const fresh = during.encode(ARGS, 'tok-3');
    expect(after.decode(fresh, ARGS)).toEqual({ nextToken: 'tok-3' });
    expect(() => after.decode(inFlight, ARGS)).toThrow(/altered or not issued by this gateway/);
    expect(() => loadConfig({ CURSOR_SECRET: `${NEW},short` })).toThrow(
      'Invalid configuration: CURSOR_SECRET must be at least 32 characters (key 2)',
    );
  });

  it('*_FILE variables read the secret from a file (trailing newline ignored), never together with the variable', () => {
    expect(loadConfig({ CURSOR_SECRET_FILE: secretFile(`${NEW},${OLD}\n`) }).cursorSecret).toEqual([NEW, OLD]);
    expect(loadConfig({ LIVE_CREDENTIAL_SECRET_FILE: secretFile(`${NEW}\n`) }).live.credentialSecret).toBe(NEW);
    expect(loadConfig({ LIVE_CREDENTIAL_SECRET: `${NEW},${OLD}` }).live.credentialSecret).toBe(NEW);
    const credentials = loadConfig({
      UPSTREAM_BASE_URL: 'https://api.example.com',
      UPSTREAM_CLIENT_ID: 'id',
      UPSTREAM_CLIENT_SECRET_FILE: secretFile('s3cr3t,with,commas\n'),
    }).resilience.clientCredentials;
    expect(credentials?.clientSecret).toBe('s3cr3t,with,commas');
    expect(() => loadConfig({ CURSOR_SECRET: NEW, CURSOR_SECRET_FILE: secretFile(NEW) })).toThrow(
      /CURSOR_SECRET_FILE must not be set together with CURSOR_SECRET/,
    );
    expect(() => loadConfig({ CURSOR_SECRET_FILE: '/nonexistent/secret' })).toThrow(
      'Invalid configuration: CURSOR_SECRET_FILE names a file that cannot be read (ENOENT): /nonexistent/secret',
    );
    // The secret never appears in a refusal.
    expect(() => loadConfig({ CURSOR_SECRET_FILE: secretFile('too-short-secret') })).toThrow(
      /^Invalid configuration: CURSOR_SECRET_FILE must be at least 32 characters$/,
    );
  });
});
