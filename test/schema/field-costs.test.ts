import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema, loadTypeDefs, SCHEMA_DIRECTORY } from '../../src/schema/build-schema';
import { fieldCost, upstreamBackedFields } from '../../src/server/plugins/field-costs';
import { countUpstreamCalls } from '../../src/server/plugins/static-upstream-call-budget';

/** The fields of `schema` that may call the upstream but declare no `@cost`. */
const withoutCost = (schema: GraphQLSchema) =>
  upstreamBackedFields(schema)
    .filter(({ field }) => !fieldCost(field).declared)
    .map(({ coordinate }) => coordinate);

/** The subgraph schema built from schema/ with one file's text changed (no resolvers: only the SDL is read). */
function schemaWith(file: string, change: (sdl: string) => string): GraphQLSchema {
  const directory = mkdtempSync(join(tmpdir(), 'sdl-'));
  try {
    cpSync(SCHEMA_DIRECTORY, directory, { recursive: true });
    const path = join(directory, file);
    const changed = change(readFileSync(path, 'utf8'));
    expect(changed).not.toBe(readFileSync(path, 'utf8'));
    writeFileSync(path, changed);
    return buildSubgraphSchema([{ typeDefs: loadTypeDefs(directory) }]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('field costs – each upstream-backed field declares @cost in the SDL', () => {
  const schema = buildGatewaySchema();

  it('every root field and every field returning a resolvable entity declares @cost', () => {
    expect(withoutCost(schema)).toEqual([]);
    // The entity rule reaches the links below the root, not only the root fields.
    expect(upstreamBackedFields(schema).map(({ coordinate }) => coordinate)).toEqual(
      expect.arrayContaining(['Process.run', 'ProcessRun.process', 'Query.processes']),
    );
    // Root fields all call the upstream: none may claim to be free.
    const rootWeights = upstreamBackedFields(schema).filter(({ coordinate }) =>
      /^(Query|Mutation|Subscription)\./.test(coordinate),
    );
    expect(
      rootWeights.filter(({ field }) => fieldCost(field).weight === 0).map(({ coordinate }) => coordinate),
    ).toEqual([]);
  });

  it('fails for a field whose @cost is removed', () => {
    const stripped = schemaWith('process.graphql', (sdl) =>
      sdl.replace('run: ProcessRun @cost(weight: 1)', 'run: ProcessRun'),
    );
    expect(withoutCost(stripped)).toEqual(['Process.run']);
  });

  it('the static call budget reads the weight from the SDL: a weight of 3 makes one processRun three calls', () => {
    const query = parse(
      '{ a: processRun(id: "r1") { id } b: processRun(id: "r1") { name } c: process(id: "p1") { id } }',
    );
    expect(countUpstreamCalls(schema, query, null, {})).toBe(2);
    const heavier = schemaWith('base.graphql', (sdl) =>
      sdl.replace('): ProcessRun @cost(weight: 1)', '): ProcessRun @cost(weight: 3)'),
    );
    expect(countUpstreamCalls(heavier, query, null, {})).toBe(4);
  });

  it('jobs and children lists carry the measured @listSize(assumedSize)', () => {
    const sizeOf = (type: string, field: string) =>
      fieldCost((schema.getType(type) as any).getFields()[field]).listSize?.assumedSize;
    expect([
      sizeOf('ProcessRun', 'jobs'),
      sizeOf('Process', 'jobs'),
      sizeOf('GroupRun', 'children'),
      sizeOf('ProcessGroup', 'children'),
    ]).toEqual([2000, 2000, 20, 20]);
  });
});
