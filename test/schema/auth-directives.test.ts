import { Kind, parse, print, type ObjectTypeDefinitionNode } from 'graphql';
import { subgraphSdl } from '../../src/schema/subgraph-sdl';
import { composeWith } from '../harness/federation/neighbour-subgraphs';

// The guards a router enforces from the SDL (docs/federation.md): the same scopes the gateway checks (issue 20's
// defaults), on every root field, so no field is left to the router's default of "anyone".
const sdl = subgraphSdl();
const READ = '@requiresScopes(scopes: [["processes:read"]])';
const WRITE = '@requiresScopes(scopes: [["processes:write"]])';

function objectType(name: string, source = sdl): ObjectTypeDefinitionNode {
  const definition = parse(source).definitions.find(
    (node) => node.kind === Kind.OBJECT_TYPE_DEFINITION && node.name.value === name,
  );
  if (!definition) throw new Error(`no type ${name}`);
  return definition as ObjectTypeDefinitionNode;
}

/** Each field's directives, printed; `_entities`/`_service` are the router's own (not in the API schema). */
function guardsOf(typeName: string, source = sdl): Record<string, string[]> {
  const fields = (objectType(typeName, source).fields ?? []).filter((field) => !field.name.value.startsWith('_'));
  return Object.fromEntries(
    fields.map((field) => [field.name.value, (field.directives ?? []).map((directive) => print(directive))]),
  );
}

describe('@authenticated and @requiresScopes in the subgraph SDL', () => {
  it.each([
    ['Query', READ],
    ['Subscription', READ],
    ['Mutation', WRITE],
  ])('every %s field is @authenticated and %s', (typeName, scopes) => {
    const guards = guardsOf(typeName);
    expect(Object.keys(guards).length).toBeGreaterThan(0);
    for (const [field, directives] of Object.entries(guards)) {
      // Other directives (@cost, @listSize) may sit beside them.
      expect({ field, directives }).toEqual({ field, directives: expect.arrayContaining(['@authenticated', scopes]) });
      expect(directives.filter((directive) => directive.startsWith('@requiresScopes'))).toEqual([scopes]);
    }
  });

  it('the entities other subgraphs reach through _entities are @authenticated', () => {
    for (const entity of ['ProcessRun', 'Process']) {
      expect((objectType(entity).directives ?? []).map((directive) => print(directive))).toEqual(
        expect.arrayContaining(['@key(fields: "id")', '@authenticated']),
      );
    }
  });

  it.each(['apollo', 'guild'] as const)('the %s-composed supergraph keeps them for the router', (composer) => {
    const { supergraphSdl, errors } = composeWith(composer, [
      { name: 'process-runs', url: 'http://127.0.0.1:1/graphql', sdl },
    ]);
    expect(errors).toEqual([]);
    expect(supergraphSdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/requiresScopes\/v0\.1", for: SECURITY\)/);
    const query = guardsOf('Query', supergraphSdl);
    const mutation = guardsOf('Mutation', supergraphSdl);
    expect(Object.keys(query).sort()).toEqual(['process', 'processRun', 'processes']);
    for (const directives of Object.values(query))
      expect(directives).toEqual(expect.arrayContaining(['@authenticated', READ]));
    expect(Object.keys(mutation)).toHaveLength(5);
    for (const directives of Object.values(mutation))
      expect(directives).toEqual(expect.arrayContaining(['@authenticated', WRITE]));
  });
});
