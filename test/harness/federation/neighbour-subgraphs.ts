// The neighbours the subgraph must compose and execute beside (issue 19): what supergraph teams already run.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices as apolloCompose } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { composeServices as guildCompose, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { SubgraphEndpoint } from './supergraph';

export interface NeighbourSubgraph {
  name: string;
  url: string;
  sdl: string;
  close(): Promise<void>;
}

/** A federation subgraph as a real Yoga server on 127.0.0.1:0. */
export async function startSubgraph(
  name: string,
  sdl: string,
  resolvers: GraphQLResolverMap<unknown>,
): Promise<NeighbourSubgraph> {
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  const server: Server = createServer(createYoga({ schema, logging: false, graphiql: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    name,
    sdl,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Composer = 'apollo' | 'guild';

/** The supergraph SDL, or the composition errors' messages, from @apollo/composition or @theguild/federation-composition. */
export function composeWith(
  composer: Composer,
  subgraphs: SubgraphEndpoint[],
): { supergraphSdl?: string; errors: string[] } {
  const services = subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) }));
  if (composer === 'apollo') {
    const result = apolloCompose(services);
    return result.errors
      ? { errors: result.errors.map((error) => error.message) }
      : { supergraphSdl: result.supergraphSdl, errors: [] };
  }
  const result = guildCompose(services);
  return compositionHasErrors(result)
    ? { errors: result.errors.map((error) => error.message) }
    : { supergraphSdl: result.supergraphSdl, errors: [] };
}

// (a) Relay-style: its own Node interface, a connection of its own and the Relay PageInfo, marked @shareable.
export const RELAY_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])
  interface Node {
    id: ID!
  }
  type PageInfo @shareable {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }
  type Team implements Node @key(fields: "id") {
    id: ID!
    name: String!
    watchedProcesses: [Process!]!
  }
  type TeamEdge {
    cursor: String!
    node: Team!
  }
  type TeamConnection {
    edges: [TeamEdge!]!
    pageInfo: PageInfo!
  }
  type Process @key(fields: "id", resolvable: false) {
    id: ID!
  }
  type Query {
    node(id: ID!): Node
    teams(first: Int, after: String): TeamConnection!
  }
`;

const TEAMS = [{ id: 'team-finance', name: 'Finance', processIds: ['process-abc123', 'process-annual-report'] }];

export function startRelaySubgraph(): Promise<NeighbourSubgraph> {
  return startSubgraph('relay', RELAY_SDL, {
    Query: {
      node: (_: unknown, { id }: { id: string }) => TEAMS.find((team) => team.id === id) ?? null,
      teams: () => ({
        edges: TEAMS.map((team) => ({ cursor: `c:${team.id}`, node: team })),
        pageInfo: {
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: `c:${TEAMS[0]!.id}`,
          endCursor: `c:${TEAMS[0]!.id}`,
        },
      }),
    },
    Node: { __resolveType: () => 'Team' },
    Team: {
      watchedProcesses: (team: (typeof TEAMS)[number]) => team.processIds.map((id) => ({ __typename: 'Process', id })),
    },
  } as GraphQLResolverMap<unknown>);
}

// (b) Organisation-generic entities and enums: Group, Job, Task, Document; Status, JobStatus (and a TaskStatus
// used as an input too, so its values must match everywhere).
export const WORK_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  enum Status {
    ACTIVE
    ARCHIVED
  }
  enum JobStatus {
    QUEUED
    RUNNING
    DONE
    FAILED
  }
  enum TaskStatus {
    OPEN
    DONE
  }
  type Group @key(fields: "id") {
    id: ID!
    name: String!
    members: [String!]!
    status: Status!
  }
  type Job @key(fields: "id") {
    id: ID!
    command: String!
    status: JobStatus!
  }
  type Task @key(fields: "id") {
    id: ID!
    title: String!
    status: TaskStatus!
  }
  type Document @key(fields: "id") {
    id: ID!
    title: String!
    status: Status!
  }
  type Query {
    groups(status: Status): [Group!]!
    jobs(status: JobStatus): [Job!]!
    tasks(status: TaskStatus): [Task!]!
  }
`;

export function startWorkSubgraph(): Promise<NeighbourSubgraph> {
  return startSubgraph('work', WORK_SDL, {
    Query: {
      groups: () => [{ id: 'grp-1', name: 'Controllers', members: ['casey'], status: 'ACTIVE' }],
      jobs: () => [{ id: 'job-1', command: 'nightly-export', status: 'RUNNING' }],
      tasks: () => [{ id: 'task-001', title: 'Task task-001', status: 'OPEN' }],
    },
    Task: { __resolveReference: ({ id }: { id: string }) => ({ id, title: `Task ${id}`, status: 'OPEN' }) },
    Document: { __resolveReference: ({ id }: { id: string }) => ({ id, title: `Document ${id}`, status: 'ACTIVE' }) },
  } as GraphQLResolverMap<unknown>);
}

// (c) Extends this subgraph's entities with fields of its own, and points at runs from its own root field.
export const ANNOTATIONS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type ProcessRun @key(fields: "id") {
    id: ID!
    annotations: [String!]!
  }
  type Process @key(fields: "id") {
    id: ID!
    owner: String
  }
  type Query {
    flaggedRuns: [ProcessRun!]!
  }
`;

export function startAnnotationsSubgraph(): Promise<NeighbourSubgraph> {
  return startSubgraph('annotations', ANNOTATIONS_SDL, {
    Query: { flaggedRuns: () => [{ id: 'processrun-nested-001' }, { id: 'processrun-xyz789' }] },
    ProcessRun: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      annotations: ({ id }: { id: string }) => [`note on ${id}`],
    },
    Process: { __resolveReference: ({ id }: { id: string }) => ({ id, owner: `owner of ${id}` }) },
  } as GraphQLResolverMap<unknown>);
}
