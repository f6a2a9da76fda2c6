// scripts/check-layers.js: passes on src/, and fails on an import against the layer rule or a runtime cycle.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'check-layers.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the script is CommonJS, loaded by its path
const { check } = require(SCRIPT) as { check(root?: string): string[] };

function tree(files: Record<string, string>): string {
  const root = join(mkdtempSync(join(tmpdir(), 'layers-')), 'src');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

describe('scripts/check-layers.js', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(dirname(root), { recursive: true, force: true });
  });
  const make = (files: Record<string, string>) => {
    const root = tree(files);
    roots.push(root);
    return root;
  };

  it('the real src/ passes (the CI step)', () => {
    expect(execFileSync(process.execPath, [SCRIPT], { encoding: 'utf8' })).toMatch(/imports flow one way/);
  });

  it('flags a leaf importing upward and a lower layer importing a higher one', () => {
    const problems = check(
      make({
        'errors/a.ts': "import { x } from '../upstream/b';\nexport const a = x;\n",
        'upstream/b.ts': 'export const x = 1;\n',
        'resolvers/c.ts': "import type { S } from '../server/s';\nexport type C = S;\n",
        'server/s.ts': 'export type S = number;\n',
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/src\/errors\/a\.ts imports src\/upstream\/b\.ts: src\/errors\/ is a leaf/),
      expect.stringMatching(
        /src\/resolvers\/c\.ts imports src\/server\/s\.ts: src\/resolvers may not import the layer above it/,
      ),
    ]);
  });

  it('flags two files with one name', () => {
    const problems = check(
      make({ 'server/budget.ts': 'export const a = 1;\n', 'loaders/budget.ts': 'export const b = 1;\n' }),
    );
    expect(problems).toEqual([expect.stringMatching(/^two files named budget\.ts: /)]);
  });

  it('flags a runtime cycle, and not a type-only one', () => {
    const runtime = check(
      make({
        'server/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'server/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      }),
    );
    expect(runtime).toEqual([
      expect.stringMatching(/^runtime import cycle: src\/server\/a\.ts → src\/server\/b\.ts → src\/server\/a\.ts$/),
    ]);
    const typeOnly = check(
      make({
        'server/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
        'server/b.ts': "import { type A } from './a';\nexport interface B { a?: A }\n",
      }),
    );
    expect(typeOnly).toEqual([]);
  });
});
