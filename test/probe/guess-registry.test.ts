import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GUESS_CHECKS } from '../../src/probe/guess-checks';
import { GUESS_NAMES, UPSTREAM_GUESSES } from '../../src/upstream/upstream-guesses';

// One source of guesses: the docs tables, the parsers and the probe all answer to src/upstream/upstream-guesses.ts.

const ROOT = join(__dirname, '..', '..');

/** The rows of a doc's "Guessed upstream shapes" table (header and separator left out), with line numbers. */
function guessRows(doc: string): Array<{ line: number; text: string }> {
  const lines = readFileSync(join(ROOT, doc), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('## Guessed upstream shapes'));
  const rows: Array<{ line: number; text: string }> = [];
  for (let index = start + 1; index < lines.length && !lines[index]!.startsWith('## '); index++) {
    const text = lines[index]!;
    if (text.startsWith('| ') && !text.startsWith('| guess |')) rows.push({ line: index + 1, text });
  }
  return rows;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const DOCS = ['docs/processes.md', 'docs/mutations.md'] as const;
const BOOKKEEPING = new Set(['doc', 'row', 'fix']);

describe('the upstream guess registry is the one source of guesses', () => {
  it('finds the guess tables (an extraction that finds nothing proves nothing)', () => {
    expect(guessRows('docs/processes.md').length).toBeGreaterThanOrEqual(7);
    expect(guessRows('docs/mutations.md').length).toBeGreaterThanOrEqual(6);
  });

  it('every row of the docs guess tables is one registry entry, and every entry names one row', () => {
    for (const doc of DOCS) {
      for (const row of guessRows(doc)) {
        const claimants = GUESS_NAMES.filter(
          (name) => UPSTREAM_GUESSES[name].doc === doc && row.text.includes(UPSTREAM_GUESSES[name].row),
        );
        expect({ doc, line: row.line, claimants: claimants.length }).toEqual({ doc, line: row.line, claimants: 1 });
      }
    }
    for (const name of GUESS_NAMES) {
      const { doc, row } = UPSTREAM_GUESSES[name];
      expect({ name, rows: guessRows(doc).filter((candidate) => candidate.text.includes(row)).length }).toEqual({
        name,
        rows: 1,
      });
    }
  });

  it('the probe has a check for every guess and none for anything else', () => {
    expect(Object.keys(GUESS_CHECKS).sort()).toEqual([...GUESS_NAMES].sort());
  });

  it('every guessed form in the registry is read by a parser outside the registry and the probe', () => {
    const parsers = [...sourceFiles(join(ROOT, 'src', 'upstream')), ...sourceFiles(join(ROOT, 'src', 'resolvers'))]
      .filter((file) => !file.endsWith('upstream-guesses.ts'))
      .map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }));
    const withForms = GUESS_NAMES.filter((name) =>
      Object.keys(UPSTREAM_GUESSES[name]).some((key) => !BOOKKEEPING.has(key)),
    );
    expect(withForms.length).toBeGreaterThanOrEqual(7);
    for (const name of withForms) {
      const readers = parsers.filter(({ text }) => text.includes(`UPSTREAM_GUESSES.${name}`)).map(({ file }) => file);
      expect({ name, read: readers.length > 0 }).toEqual({ name, read: true });
    }
  });
});
