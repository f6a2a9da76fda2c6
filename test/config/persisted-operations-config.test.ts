import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('trusted documents – a bad PERSISTED_OPERATIONS_FILE stops the start with a ConfigError', () => {
  const directory = mkdtempSync(join(tmpdir(), 'persisted-'));
  const file = (name: string, text: string) => {
    const path = join(directory, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    ['a missing file', join(directory, 'missing.json'), /cannot be read \(ENOENT\)/],
    ['a file that is not JSON', file('not-json.json', 'hash: query'), /is not valid JSON/],
    ['a JSON array', file('array.json', '["{ __typename }"]'), /must be a JSON object of hash → document/],
    [
      'an entry that is not GraphQL',
      file('bad-doc.json', '{"abc": "query {"}'),
      /entry "abc" is not a GraphQL document/,
    ],
    ['an empty allowlist', file('empty.json', '{}'), /lists no operations/],
  ])('%s', (_case, path, reason) => {
    let thrown: unknown;
    try {
      loadConfig({ PERSISTED_OPERATIONS_FILE: path });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe('PERSISTED_OPERATIONS_FILE');
    expect((thrown as ConfigError).message).toMatch(reason);
  });

  it('GRAPHIQL and INTROSPECTION accept only booleans', () => {
    expect(() => loadConfig({ GRAPHIQL: 'maybe' })).toThrow(
      'Invalid configuration: GRAPHIQL must be true or false, got "maybe"',
    );
    expect(() => loadConfig({ INTROSPECTION: '2' })).toThrow(
      'Invalid configuration: INTROSPECTION must be true or false, got "2"',
    );
    expect(loadConfig({})).toMatchObject({ graphiql: true, introspection: true, persistedOperations: null });
  });
});
