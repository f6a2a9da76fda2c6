import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBuiltEntryPoint } from '../harness/build';

// CI's schema check (.ci/run → scripts/schema-check.js) as CI runs it: a child process, judged by its exit code.
const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'schema-check.js');
const COMMITTED = readFileSync(join(ROOT, 'sdl', 'subgraph.graphql'), 'utf8');
const CHANGELOG = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function runCheck(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('schema check (scripts/schema-check.js, a CI step)', () => {
  useBuiltEntryPoint();
  let directory: string;
  const file = (name: string, text: string): string => {
    const path = join(directory, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'schema-check-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('passes on the repository as committed (the served SDL, sdl/, CHANGELOG.md)', async () => {
    const outcome = await runCheck([]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
  });

  describe('a planted breaking change: ProcessRun.statusCounts made nullable', () => {
    const planted = COMMITTED.replace(/^( {2}statusCounts: \[StatusCount!\])!$/m, '$1');
    const plantedArgs = (): string[] => [
      '--served',
      file('served.graphql', planted),
      '--committed',
      file('committed.graphql', planted),
    ];

    it('the plant took (one line differs)', () => {
      expect(planted).not.toBe(COMMITTED);
    });

    it('fails (exit 1) naming the path when CHANGELOG.md does not list it', async () => {
      const outcome = await runCheck([...plantedArgs(), '--changelog', file('CHANGELOG.md', CHANGELOG)]);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(
        "breaking change not listed in CHANGELOG.md (Unreleased, as `ProcessRun.statusCounts`): Field 'ProcessRun.statusCounts' changed type from '[StatusCount!]!' to '[StatusCount!]'",
      );
      expect(outcome.stderr.trim().split('\n')).toHaveLength(2);
    });

    it('passes when the Unreleased section lists the path in backticks', async () => {
      const listed = CHANGELOG.replace(
        '## Unreleased\n',
        '## Unreleased\n\n- `ProcessRun.statusCounts` is nullable.\n',
      );
      const outcome = await runCheck([...plantedArgs(), '--changelog', file('CHANGELOG.md', listed)]);
      expect(outcome.stderr).toBe('');
      expect(outcome.code).toBe(0);
    });

    it('still fails when only an already released section mentions it', async () => {
      const released = `${CHANGELOG}\n## 0.0.1\n\n- \`ProcessRun.statusCounts\` mentioned in an old release.\n`;
      const outcome = await runCheck([...plantedArgs(), '--changelog', file('CHANGELOG.md', released)]);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain('`ProcessRun.statusCounts`');
    });
  });

  it('fails (exit 1) when sdl/subgraph.graphql is stale, even for a non-breaking change', async () => {
    const stale = COMMITTED.replace(/^type Query \{$/m, 'type Query {\n  ping: String');
    expect(stale).not.toBe(COMMITTED);
    const outcome = await runCheck(['--committed', file('stale.graphql', stale)]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(
      'sdl/subgraph.graphql differs from the SDL the subgraph serves: run `npm run sdl` and commit it.',
    );
  });

  it('ignores federation machinery (a directive definition gone with an @link import), not client contract', async () => {
    const withoutImport = COMMITTED.replace(/^directive @authenticated .*$/m, '').replace('"@authenticated", ', '');
    expect(withoutImport).not.toBe(COMMITTED);
    const served = file('served.graphql', withoutImport);
    const outcome = await runCheck([
      '--served',
      served,
      '--committed',
      served,
      '--released',
      file('released.graphql', COMMITTED),
      '--changelog',
      file('CHANGELOG.md', CHANGELOG),
    ]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
  });
});
