// docs/errors.md lists exactly the closed list of codes in src/errors/error-codes.ts, no more, no fewer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_ERROR_CODES } from '../../src/errors/error-codes';

const ROOT = join(__dirname, '..', '..');
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Backticked UPPER_SNAKE words (single words too: `FORBIDDEN`) in the table rows of a Markdown file. */
function backtickedCodesInTables(markdown: string): Set<string> {
  const codes = new Set<string>();
  for (const line of markdown.split('\n')) {
    if (!line.trimStart().startsWith('|')) continue;
    for (const match of line.matchAll(/`([A-Z][A-Z0-9_]{2,})`/g))
      if (!HTTP_METHODS.has(match[1]!)) codes.add(match[1]!);
  }
  return codes;
}

// Environment variable names (e.g. MAX_REQUEST_BODY_BYTES, LIVE_MAX_SUBSCRIPTIONS) may appear in the same tables;
// they are not codes. Every config/ file reads some (config.ts, live-config.ts, redis-config.ts).
function configVariables(): Set<string> {
  const folder = join(ROOT, 'src', 'config');
  const source = readdirSync(folder)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(folder, name), 'utf8'))
    .join('\n');
  return new Set([...source.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((match) => match[1]!));
}

describe('the error list is documented', () => {
  it('docs/errors.md tables name exactly the codes of src/errors/error-codes.ts', () => {
    const variables = configVariables();
    const documented = [...backtickedCodesInTables(readFileSync(join(ROOT, 'docs', 'errors.md'), 'utf8'))]
      .filter((code) => !variables.has(code) || GATEWAY_ERROR_CODES.includes(code as never))
      .sort();
    expect(documented).toEqual([...GATEWAY_ERROR_CODES].sort());
  });
});
