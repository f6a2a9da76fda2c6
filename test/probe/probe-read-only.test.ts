import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The probe cannot send a write: only read-only-upstream.ts touches the client, and it exposes readJson (GET) alone.

const PROBE_DIR = join(__dirname, '..', '..', 'src', 'probe');
const WRITES = [
  /\brunProcess\b/,
  /\baddJobRuns\b/,
  /\bcreateProcess\b/,
  /\bbatchUpdateProcess\b/,
  /\btrashProcess\b/,
  /method: '(?!GET)/,
];

describe('src/probe is read-only by construction', () => {
  const files = readdirSync(PROBE_DIR).filter((name) => name.endsWith('.ts'));

  it('finds the probe files', () => {
    expect(files).toEqual(expect.arrayContaining(['read-only-upstream.ts', 'probe-walk.ts', 'upstream-probe.ts']));
  });

  it('no probe file names a write, and only read-only-upstream.ts calls the client', () => {
    for (const name of files) {
      const text = readFileSync(join(PROBE_DIR, name), 'utf8');
      expect({ name, writes: WRITES.filter((write) => write.test(text)).map(String) }).toEqual({ name, writes: [] });
      expect({ name, callsClient: /client\.(?!close\b)\w+\(/.test(text) }).toEqual({
        name,
        callsClient: name === 'read-only-upstream.ts',
      });
    }
    expect(readFileSync(join(PROBE_DIR, 'read-only-upstream.ts'), 'utf8')).toMatch(
      /read: \(read\) => client\.readJson\(read, call\)/,
    );
  });
});
