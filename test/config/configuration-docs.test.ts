import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

// docs/configuration.md is the operator's reference: it must name exactly the variables the code reads.

const ROOT = join(__dirname, '..', '..');
const NAME = '[A-Z][A-Z0-9_]*';

// Ways src/ reads a variable: readString/readInteger/readBoolean/readChoice/readBaseUrl/… (env, 'NAME', …),
// env.NAME / process.env.NAME, env['NAME'] / process.env["NAME"].
const READS = [
  new RegExp(`\\bread[A-Za-z]*\\(\\s*env\\s*,\\s*['"\`](${NAME})['"\`]`, 'g'),
  new RegExp(`\\benv\\.(${NAME})\\b`, 'g'),
  new RegExp(`\\benv\\[\\s*['"\`](${NAME})['"\`]\\s*\\]`, 'g'),
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Variable name → the files that read it. */
function variablesReadBySource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of READS) {
      for (const match of text.matchAll(pattern)) {
        const files = found.get(match[1]!) ?? [];
        const path = relative(ROOT, file);
        if (!files.includes(path)) files.push(path);
        found.set(match[1]!, files);
      }
    }
  }
  return found;
}

/** The first cell of every table row that is one backticked variable name. */
function variablesInDocs(markdown: string): Set<string> {
  const names = new Set<string>();
  for (const line of markdown.split('\n')) {
    const match = new RegExp(`^\\|\\s*\`(${NAME})\`\\s*\\|`).exec(line);
    if (match) names.add(match[1]!);
  }
  return names;
}

describe('docs/configuration.md matches the config loader', () => {
  const read = variablesReadBySource();
  const documented = variablesInDocs(readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8'));

  it('finds the variables on both sides (an extraction that finds nothing proves nothing)', () => {
    expect(read.size).toBeGreaterThan(0);
    expect(documented.size).toBeGreaterThan(0);
    // Each read form is recognised, so a refactor of the loader cannot silently hide variables from this test.
    expect(read.has('PORT')).toBe(true);
    expect(read.has('NODE_ENV')).toBe(true);
  });

  it('documents every variable the code reads', () => {
    const undocumented = [...read.keys()]
      .filter((name) => !documented.has(name))
      .map((name) => `${name} (read in ${read.get(name)!.join(', ')})`);
    expect(undocumented).toEqual([]);
  });

  it('documents no variable the code does not read', () => {
    const unread = [...documented].filter((name) => !read.has(name));
    expect(unread).toEqual([]);
  });

  it('the extraction recognises every read form', () => {
    const sample = [
      "readInteger(env, 'A_ONE', 1, 0, 2)",
      'readString(env, "A_TWO")',
      'readBoolean(\n  env,\n  `A_THREE`, true)',
      'process.env.A_FOUR',
      "env['A_FIVE']",
      'const x = env.lowercase; other.A_SIX;',
    ].join('\n');
    const names = READS.flatMap((pattern) => [...sample.matchAll(pattern)].map((match) => match[1]));
    expect(names.sort()).toEqual(['A_FIVE', 'A_FOUR', 'A_ONE', 'A_THREE', 'A_TWO']);
  });
});
