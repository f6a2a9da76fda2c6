import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { DEMO_PROCESSES, nestedGroupsRun, seedProcess, seedProcessRun } from '../../src/demo/fixtures';
import { compose, startFederationGateway, type FederationGateway } from '../harness/federation/supergraph';
import { startUsersSubgraph, USERS_SUBGRAPH_SDL, type UsersSubgraph } from '../harness/federation/users-subgraph';
import { execute, expectNoErrors, expectOnlyError, TEST_TOKEN, useGateway, withGateway } from '../harness';

// A third subgraph that only points at processes by id, so the router must resolve Process through _entities.
const BOOKMARKS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Process @key(fields: "id", resolvable: false) {
    id: ID!
  }
  type Bookmark {
    label: String!
    process: Process!
  }
  type Query {
    bookmarks: [Bookmark!]!
  }
`;

const BOOKMARKS = [
  { label: 'close', processId: 'process-abc123' },
  { label: 'report', processId: 'process-annual-report' },
  { label: 'close again', processId: 'process-abc123' },
];

async function startBookmarksSubgraph(): Promise<{ url: string; close(): Promise<void> }> {
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(BOOKMARKS_SDL),
      resolvers: {
        Query: { bookmarks: () => BOOKMARKS },
        Bookmark: { process: (bookmark: { processId: string }) => ({ __typename: 'Process', id: bookmark.processId }) },
      },
    },
  ]);
  const server: Server = createServer(createYoga({ schema, logging: false, graphiql: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const annualReportProcess = DEMO_PROCESSES.find((process) => process.id === 'process-annual-report')!;

describe('federation – Process is an entity this subgraph owns and resolves', () => {
  const t = useGateway({
    upstream: (upstream) =>
      upstream
        .serveProcess(seedProcess)
        .serveProcess(annualReportProcess)
        .serveRun(seedProcessRun)
        .serveRun(nestedGroupsRun)
        .serveProcessList(DEMO_PROCESSES),
  });
  let users: UsersSubgraph;
  let bookmarks: { url: string; close(): Promise<void> };
  let router: FederationGateway;
  let sdl: string;

  beforeAll(async () => {
    users = await startUsersSubgraph();
    bookmarks = await startBookmarksSubgraph();
    sdl = expectNoErrors(await execute<{ _service: { sdl: string } }>(t.gateway, '{ _service { sdl } }'))._service.sdl;
    const composed = compose([
      { name: 'process-runs', url: `${t.gateway.url}/graphql`, sdl },
      { name: 'users', url: users.url, sdl: USERS_SUBGRAPH_SDL },
      { name: 'bookmarks', url: bookmarks.url, sdl: BOOKMARKS_SDL },
    ]);
    if (compositionHasErrors(composed)) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    router = await startFederationGateway(composed.supergraphSdl, { authorization: TEST_TOKEN });
  });
  afterAll(async () => {
    await router?.stop();
    await users?.close();
    await bookmarks?.close();
  });
  beforeEach(() => {
    router.calls.length = 0;
  });

  it('the SDL declares Process with a resolvable key', () => {
    expect(sdl).toMatch(/type Process\s+@key\(fields: "id"\)\s+@authenticated\s*\{/);
    expect(sdl).not.toMatch(/type Process\s+@key\(fields: "id", resolvable: false\)/);
  });

  it('composes with the users and bookmarks subgraphs with zero errors', () => {
    const composed = compose([
      { name: 'process-runs', url: `${t.gateway.url}/graphql`, sdl },
      { name: 'users', url: users.url, sdl: USERS_SUBGRAPH_SDL },
      { name: 'bookmarks', url: bookmarks.url, sdl: BOOKMARKS_SDL },
    ]);
    expect(composed.errors).toBeUndefined();
    expect(composed.supergraphSdl).toMatch(/type Process[^{]*@join__type\(graph: PROCESS_RUNS, key: "id"\)/);
  });

  it('bookmarks → Process via _entities (3 references, 2 processes: 2 upstream calls) → the current run and its creator in users', async () => {
    const result = await router.execute(`{
      bookmarks { label process { name run { status } created { user { id name } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const close = {
      name: 'Q4 2024 Financial Close',
      run: { status: 'RUNNING' },
      created: { user: { id: 'V1ZVd2VyFzU3NiQ1NDA4NjIzNzk2MjD', name: 'Casey Controller' } },
    };
    expect(result.data).toEqual({
      bookmarks: [
        { label: 'close', process: close },
        { label: 'report', process: { ...close, name: 'FY2024 Annual Report' } },
        { label: 'close again', process: close },
      ],
    });
    const entityCalls = router.calls.filter((call) => call.subgraph === 'process-runs');
    expect(entityCalls).toHaveLength(1);
    expect(entityCalls[0]!.query).toContain('_entities');
    // The runs are embedded in the process bodies: no /processRuns call.
    expect(t.upstream.requests.map((request) => request.url).sort()).toEqual([
      '/processes/process-abc123',
      '/processes/process-annual-report',
    ]);
  });

  it('processes → creators in the users subgraph: one page call, one users call', async () => {
    const result = await router.execute(
      '{ processes(first: 2, orderBy: { field: NAME, direction: ASC }) { nodes { id created { user { name } } } pageInfo { hasNextPage } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.processes.nodes).toHaveLength(2);
    expect(result.data.processes.nodes[0].created.user.name).toBe('Casey Controller');
    expect(t.upstream.requests.map((request) => request.path)).toEqual(['/processes']);
    expect(router.calls.filter((call) => call.subgraph === 'users')).toHaveLength(1);
  });

  it("users → their recent runs → each run's process, deduped per subgraph request", async () => {
    const result = await router.execute('{ users { name recentRuns { id process { id name } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.users[0].recentRuns).toEqual([
      { id: 'processrun-xyz789', process: { id: 'process-abc123', name: 'Q4 2024 Financial Close' } },
      { id: 'processrun-nested-001', process: { id: 'process-annual-report', name: 'FY2024 Annual Report' } },
    ]);
    expect(t.upstream.requests.map((request) => request.url).sort()).toEqual([
      '/processRuns/processrun-nested-001',
      '/processRuns/processrun-xyz789',
      '/processes/process-abc123',
      '/processes/process-annual-report',
    ]);
  });
});

describe('federation – _entities for Process on this subgraph directly', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveProcess(seedProcess) });
  const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Process { id name } } }';
  const ref = (id: string) => ({ __typename: 'Process', id });

  it('dedupes representations through the per-request loader; a missing one is NOT_FOUND for its entry; a bad id never reaches the upstream', async () => {
    const result = await execute(t.gateway, ENTITIES, {
      r: [ref('process-abc123'), ref('process-missing'), ref('process-abc123'), ref('..')],
    });
    expect(result.body.data!._entities).toEqual([
      { id: 'process-abc123', name: 'Q4 2024 Financial Close' },
      null,
      { id: 'process-abc123', name: 'Q4 2024 Financial Close' },
      null,
    ]);
    const errors = result.body.errors!.map((error) => [error.path, error.extensions?.code]);
    expect(errors.sort((a, b) => (a[0] as number[])[1]! - (b[0] as number[])[1]!)).toEqual([
      [['_entities', 1], 'NOT_FOUND'],
      [['_entities', 3], 'BAD_USER_INPUT'],
    ]);
    expect(t.upstream.requests.map((request) => request.url).sort()).toEqual([
      '/processes/process-abc123',
      '/processes/process-missing',
    ]);
  });

  it('Process representations count in the static call budget', async () => {
    await withGateway({ MAX_UPSTREAM_CALLS_PER_OPERATION: '2' }, async (gateway) => {
      expectOnlyError(
        await execute(gateway, ENTITIES, { r: [ref('a'), ref('b'), ref('c'), ref('a')] }),
        'OPERATION_LIMIT_EXCEEDED',
      );
      expect(gateway.upstream.requests).toHaveLength(0);
    });
  });
});
