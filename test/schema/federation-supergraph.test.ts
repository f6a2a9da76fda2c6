import { compositionHasErrors } from '@theguild/federation-composition';
import { nestedGroupsRun, seedProcessRun } from '../../src/demo/fixtures';
import { subgraphSdl as printSubgraphSdl } from '../../src/schema/subgraph-sdl';
import { execute, expectNoErrors, TEST_TOKEN, useGateway, type FakeUpstream } from '../harness';
import { compose, startFederationGateway, type FederationGateway } from '../harness/federation/supergraph';
import { startUsersSubgraph, USERS_SUBGRAPH_SDL, type UsersSubgraph } from '../harness/federation/users-subgraph';

const serveRuns = (upstream: FakeUpstream) => upstream.serveRun(seedProcessRun).serveRun(nestedGroupsRun);

describe('federation – this gateway as a subgraph of a supergraph with a users subgraph', () => {
  const t = useGateway({ upstream: serveRuns });
  let users: UsersSubgraph;
  let router: FederationGateway;
  let subgraphSdl: string;

  // After useGateway's beforeAll: the users subgraph and a router composed over both.
  beforeAll(async () => {
    const { gateway } = t;
    users = await startUsersSubgraph();
    subgraphSdl = expectNoErrors(await execute(gateway, '{ _service { sdl } }'))._service.sdl;
    const composed = compose([
      { name: 'process-runs', url: `${gateway.url}/graphql`, sdl: subgraphSdl },
      { name: 'users', url: users.url, sdl: USERS_SUBGRAPH_SDL },
    ]);
    if (compositionHasErrors(composed)) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    router = await startFederationGateway(composed.supergraphSdl, { authorization: TEST_TOKEN });
  });
  afterAll(async () => {
    await router?.stop();
    await users?.close();
  });
  beforeEach(() => {
    t.upstream.requests.length = 0;
    router.calls.length = 0;
  });

  it('serves its SDL on _service with the federation v2 link, the ProcessRun key and the reference stubs', () => {
    expect(subgraphSdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.(9|[1-9][0-9])"/); // 2.9+: @authenticated, @requiresScopes, @cost
    expect(subgraphSdl).toMatch(/type ProcessRun\s+@key\(fields: "id"\)\s+@authenticated\s*\{/);
    for (const stub of ['User', 'Document', 'Task']) {
      expect(subgraphSdl).toMatch(new RegExp(`type ${stub}\\s+@key\\(fields: "id", resolvable: false\\)`));
    }
  });

  it('`npm run sdl` prints the same SDL as _service { sdl }', () => {
    expect(printSubgraphSdl()).toBe(subgraphSdl);
  });

  it('composes with the users subgraph with zero errors', () => {
    const composed = compose([
      { name: 'process-runs', url: `${t.gateway.url}/graphql`, sdl: subgraphSdl },
      { name: 'users', url: users.url, sdl: USERS_SUBGRAPH_SDL },
    ]);
    expect(composed.errors).toBeUndefined();
    expect(composed.supergraphSdl).toContain('@join__type(graph: PROCESS_RUNS, key: "id")');
    expect(composed.supergraphSdl).toContain('@join__type(graph: USERS, key: "id")');
  });

  it('resolves the run, its creator and its task assignees across both subgraphs with one upstream call', async () => {
    const result = await router.execute(/* GraphQL */ `
      query {
        processRun(id: "processrun-xyz789") {
          name
          created {
            user {
              id
              name
            }
          }
          jobs {
            arguments {
              ... on SendTaskArguments {
                assignee {
                  ... on User {
                    name
                  }
                }
              }
            }
          }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      processRun: {
        name: 'Q4 2024 Financial Close',
        created: { user: { id: 'V1ZVd2VyFzU3NiQ1NDA4NjIzNzk2MjD', name: 'Casey Controller' } },
        jobs: [
          { arguments: { assignee: { name: 'Avery Analyst' } } },
          { arguments: {} },
          { arguments: { assignee: { name: 'Avery Analyst' } } },
        ],
      },
    });
    expect(t.upstream.runRequests.map((request) => request.url)).toEqual(['/processRuns/processrun-xyz789']);
    // The planner fetches the run once, then users for the two paths (creator, assignees).
    expect(router.calls.filter((call) => call.subgraph === 'process-runs')).toHaveLength(1);
    expect(router.calls[0]!.subgraph).toBe('process-runs');
    expect(
      router.calls.filter((call) => call.subgraph === 'users').every((call) => call.query.includes('_entities')),
    ).toBe(true);
  });

  it('fans out to ProcessRun entities in one batch: 3 references to 2 runs cost 2 upstream calls', async () => {
    const result = await router.execute('{ users { name recentRuns { id name status } } }');
    expect(result.errors).toBeUndefined();
    const seed = { id: 'processrun-xyz789', name: 'Q4 2024 Financial Close', status: 'RUNNING' };
    const nested = { id: 'processrun-nested-001', name: 'FY2024 Annual Report', status: 'RUNNING' };
    expect(result.data).toEqual({
      users: [
        { name: 'Casey Controller', recentRuns: [seed, nested] },
        { name: 'Avery Analyst', recentRuns: [seed] },
      ],
    });
    const entityCalls = router.calls.filter((call) => call.subgraph === 'process-runs');
    expect(entityCalls).toHaveLength(1);
    expect(entityCalls[0]!.query).toContain('_entities');
    // The router sends all three references; this subgraph's per-request loader dedupes them.
    expect(entityCalls[0]!.variables).toEqual({
      representations: [
        { __typename: 'ProcessRun', id: 'processrun-xyz789' },
        { __typename: 'ProcessRun', id: 'processrun-nested-001' },
        { __typename: 'ProcessRun', id: 'processrun-xyz789' },
      ],
    });
    expect(t.upstream.runRequests.map((request) => request.url).sort()).toEqual([
      '/processRuns/processrun-nested-001',
      '/processRuns/processrun-xyz789',
    ]);
  });
});

describe('federation – _entities on this subgraph directly', () => {
  const t = useGateway({ upstream: serveRuns });

  const ENTITIES = /* GraphQL */ `
    query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on ProcessRun {
          id
          name
          jobs {
            id
          }
        }
      }
    }
  `;
  const ref = (id: string) => ({ __typename: 'ProcessRun', id });

  it('resolves three representations of two ids in representation order with two upstream calls', async () => {
    const response = await execute(t.gateway, ENTITIES, {
      representations: [ref('processrun-xyz789'), ref('processrun-nested-001'), ref('processrun-xyz789')],
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!._entities.map((run: { id: string }) => run.id)).toEqual([
      'processrun-xyz789',
      'processrun-nested-001',
      'processrun-xyz789',
    ]);
    expect(response.body.data!._entities[0].name).toBe('Q4 2024 Financial Close');
    // Entity lookups ask for the whole run: excludeGeneratedJobs=false sends no query parameter.
    expect(t.upstream.runRequests.map((request) => request.url).sort()).toEqual([
      '/processRuns/processrun-nested-001',
      '/processRuns/processrun-xyz789',
    ]);
  });

  it('a representation whose run is missing is null with NOT_FOUND for that entry only', async () => {
    const response = await execute(t.gateway, ENTITIES, {
      representations: [ref('processrun-xyz789'), ref('processrun-missing'), ref('processrun-nested-001')],
    });
    expect(response.status).toBe(200);
    const entities = response.body.data!._entities;
    expect(entities[0].id).toBe('processrun-xyz789');
    expect(entities[1]).toBeNull();
    expect(entities[2].id).toBe('processrun-nested-001');
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0]).toMatchObject({
      path: ['_entities', 1],
      extensions: { code: 'NOT_FOUND', upstream: { status: 404 } },
    });
    expect(t.upstream.runRequests).toHaveLength(3);
  });

  it('a representation with an invalid id is BAD_USER_INPUT without an upstream call', async () => {
    const response = await execute(t.gateway, ENTITIES, { representations: [ref('..')] });
    expect(response.body.data!._entities).toEqual([null]);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0]).toMatchObject({ path: ['_entities', 0], extensions: { code: 'BAD_USER_INPUT' } });
    expect(t.upstream.runRequests).toHaveLength(0);
  });
});
