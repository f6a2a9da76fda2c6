// The docs say what is served, where the text is derivable: the GraphiQL tab table from the tabs, the federation
// entities from the SDL, one wording of the live credential hash in both pages, and the README's first steps.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import { GRAPHIQL_DEMO_IDS } from '../../src/demo/graphiql-demo-ids';
import { demoTabs } from '../../src/graphiql/demo-tabs';
import { tabOperations } from '../harness/graphiql-operations';

const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const block = (text: string, name: string): string => {
  const match = new RegExp(`<!-- ${name}:[^>]*-->\\n([\\s\\S]*?)<!-- /${name} -->`).exec(text);
  if (!match) throw new Error(`no <!-- ${name} --> block`);
  return match[1]!;
};

describe('docs match what is served', () => {
  it('docs/graphiql-federation-frontends.md lists every demo tab and its operations, in order', () => {
    const rows = demoTabs(GRAPHIQL_DEMO_IDS).map((tab) => {
      const names = tabOperations(tab.query).map((operation) => operation.name);
      return `| ${names[0]} | ${names.map((name) => `\`${name}\``).join(', ')} |`;
    });
    const expected = ['| tab | operations |', '|---|---|', ...rows].join('\n');
    expect(block(read('docs/graphiql-federation-frontends.md'), 'graphiql-tabs').trim()).toBe(expected);
  });

  it('docs/graphiql-federation-frontends.md names the owned entities and the stubs as the SDL declares them', () => {
    const owned: string[] = [];
    const stubs: string[] = [];
    for (const file of readdirSync(join(ROOT, 'schema'))
      .filter((name) => name.endsWith('.graphql'))
      .sort()) {
      for (const definition of parse(read(`schema/${file}`)).definitions) {
        if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
        const key = definition.directives?.find((directive: ConstDirectiveNode) => directive.name.value === 'key');
        if (!key) continue;
        const resolvable = key.arguments?.find((argument) => argument.name.value === 'resolvable');
        (resolvable?.value.kind === Kind.BOOLEAN && !resolvable.value.value ? stubs : owned).push(
          definition.name.value,
        );
      }
    }
    const text = block(read('docs/graphiql-federation-frontends.md'), 'federation-entities');
    const listed = (label: string): string[] => {
      const line = text.split('\n').find((candidate) => candidate.startsWith(`- ${label}`)) ?? '';
      return [...line.slice(line.lastIndexOf('): ') + 3).matchAll(/`(\w+)`/g)].map((match) => match[1]!);
    };
    expect({ owned: listed('Owned entities').sort(), stubs: listed('Stubs').sort() }).toEqual({
      owned: owned.sort(),
      stubs: stubs.sort(),
    });
    expect(owned.sort()).toEqual(['Process', 'ProcessRun']);
  });

  it('docs/live-runs.md and docs/scale-out.md describe the credential hash in one wording', () => {
    const wording = /The credential is in the key only as [^.]*\([^)]*\)\./;
    const live = wording.exec(read('docs/live-runs.md').replace(/\s+/g, ' '));
    const scaleOut = wording.exec(read('docs/scale-out.md').replace(/\s+/g, ' '));
    expect(live?.[0]).toContain('HMAC-SHA256');
    expect(scaleOut?.[0]).toBe(live?.[0]);
    expect(read('docs/live-runs.md')).not.toMatch(/salted SHA-256/);
  });

  it('no sentence in docs/ runs into another (".: " left by an edit)', () => {
    for (const file of readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'))) {
      expect({ file, garbled: /\)\.: /.test(read(`docs/${file}`)) }).toEqual({ file, garbled: false });
    }
  });

  it('the README fits 8 KB and says how to change the port and how to get readable logs', () => {
    const readme = read('README.md');
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(8 * 1024);
    expect(readme).toMatch(/PORT=\d+ npm start/);
    expect(readme).toContain('pino-pretty');
  });
});
