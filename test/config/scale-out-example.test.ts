import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// Replicas behind one balancer must verify each other's `processes` cursors: the example and its docs say so.
const ROOT = join(__dirname, '..', '..');

describe('examples/scale-out and docs/scale-out.md – replicas share CURSOR_SECRET', () => {
  it('compose.yaml gives every gateway replica the same CURSOR_SECRET, required (no random per-replica key)', () => {
    const compose = parse(readFileSync(join(ROOT, 'examples', 'scale-out', 'compose.yaml'), 'utf8')) as {
      services: { gateway: { environment: Record<string, string> } };
    };
    expect(compose.services.gateway.environment.CURSOR_SECRET).toMatch(/^\$\{CURSOR_SECRET:\?.+\}$/);
  });

  it('the "Each replica needs" list names CURSOR_SECRET', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'scale-out.md'), 'utf8');
    const paragraph = docs.slice(docs.indexOf('Each replica needs:')).split('\n\n')[0]!;
    expect(paragraph).toContain('`CURSOR_SECRET`');
  });
});
