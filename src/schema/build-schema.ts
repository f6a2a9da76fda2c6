import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { resolvers } from '../resolvers';

// schema/ sits at the project root both for src/ (ts) and dist/ (compiled js).
export const SCHEMA_DIRECTORY = join(__dirname, '..', '..', 'schema');

/** The SDL files of schema/, in name order: the contract, read as written. */
export function loadTypeDefs(directory: string = SCHEMA_DIRECTORY): DocumentNode {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.graphql'))
    .sort();
  return parse(files.map((name) => readFileSync(join(directory, name), 'utf8')).join('\n'));
}

/** The executable Apollo Federation v2 subgraph schema. */
export function buildGatewaySchema(): GraphQLSchema {
  // @apollo/subgraph 2.15 takes a lone object as SDL: modules must come as an array.
  return buildSubgraphSchema([{ typeDefs: loadTypeDefs(), resolvers: resolvers as GraphQLResolverMap<unknown> }]);
}
