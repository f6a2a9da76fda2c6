import pino from 'pino';
import { seedProcessRun } from '../../src/demo/fixtures';
import { UpstreamDriftReporter } from '../../src/upstream/upstream-drift';
import { createContextFactory } from '../../src/server/context';
import { passthroughCredentials } from '../../src/upstream/credentials';
import { ProcessesClient } from '../../src/upstream/processes-client';
import {
  aliasesQuery,
  execute,
  json,
  TEST_TOKEN,
  useFakeUpstream,
  useGateway,
  withGateway,
  type FakeUpstream,
} from '../harness';

const BUDGET_MESSAGE = 'This operation needs more upstream calls than one operation may make; split it.';

const distinctIds = (count: number) => Array.from({ length: count }, (_, index) => `run-${index}`);

/** Answers every /processRuns/{id} with the seed run under that id. */
const echoRuns = (upstream: FakeUpstream) =>
  upstream.onAny((request, response) => {
    const id = decodeURIComponent(request.path.slice('/processRuns/'.length));
    json(response, 200, { ...seedProcessRun, id });
  });

describe('per-operation upstream call budget (MAX_UPSTREAM_CALLS_PER_OPERATION, default 50)', () => {
  // The alias limit (30) would refuse these operations first; raise it so the budget itself is what is tested.
  const t = useGateway({ env: { MAX_QUERY_ALIASES: '1000' }, upstream: echoRuns });

  it.each([51, 60, 200])(
    '%i aliases of different ids → OPERATION_LIMIT_EXCEEDED before execution, zero upstream requests',
    async (count) => {
      const response = await execute(t.gateway, aliasesQuery(distinctIds(count)));
      expect(response.body).toEqual({
        errors: [{ message: BUDGET_MESSAGE, extensions: { code: 'OPERATION_LIMIT_EXCEEDED' } }],
      });
      expect(t.upstream.requests).toHaveLength(0);
    },
  );

  it('50 aliases of different ids (exactly the budget) are served with 50 upstream calls', async () => {
    const response = await execute(t.gateway, aliasesQuery(distinctIds(50)));
    expect(response.body.errors).toBeUndefined();
    expect(Object.values(response.body.data!).map((run) => run.id)).toEqual(distinctIds(50));
    expect(t.upstream.runRequests).toHaveLength(50);
  });

  it('200 aliases of one id cost one call: the loader dedupes, so the budget does too', async () => {
    const response = await execute(t.gateway, aliasesQuery(Array.from({ length: 200 }, () => 'run-same')));
    expect(response.body.errors).toBeUndefined();
    expect(Object.keys(response.body.data!)).toHaveLength(200);
    expect(t.upstream.runRequests).toHaveLength(1);
  });

  it('ids given as variables are counted by value (two variables with one value cost one)', async () => {
    const ids = distinctIds(60);
    const variables = Object.fromEntries(ids.map((id, index) => [`v${index}`, index % 2 === 0 ? id : ids[index - 1]]));
    const query = `query(${ids.map((_, index) => `$v${index}: ID!`).join(', ')}) { ${ids
      .map((_, index) => `a${index}: processRun(id: $v${index}) { id }`)
      .join(' ')} }`;
    const response = await execute(t.gateway, query, variables);
    expect(response.body.errors).toBeUndefined();
    expect(t.upstream.runRequests).toHaveLength(30);
  });

  it('processRun and processRun(excludeGeneratedJobs: true) of one id are two calls', async () => {
    const ids = distinctIds(25);
    const fields = ids.map(
      (id, index) =>
        `a${index}: processRun(id: "${id}") { id } b${index}: processRun(id: "${id}", excludeGeneratedJobs: true) { id }`,
    );
    expect((await execute(t.gateway, `{ ${fields.join(' ')} }`)).body.errors).toBeUndefined();
    expect(t.upstream.runRequests).toHaveLength(50);
    t.upstream.reset();
    const more = `{ ${fields.join(' ')} extra: processRun(id: "one-more") { id } }`;
    expect((await execute(t.gateway, more)).body.errors).toEqual([
      { message: BUDGET_MESSAGE, extensions: { code: 'OPERATION_LIMIT_EXCEEDED' } },
    ]);
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('federation `_entities`: 51 distinct ProcessRun representations are refused, 50 are served', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProcessRun { id } } }';
    const representations = (count: number) => distinctIds(count).map((id) => ({ __typename: 'ProcessRun', id }));
    const refused = await execute(t.gateway, query, { r: representations(51) });
    expect(refused.body).toEqual({
      errors: [{ message: BUDGET_MESSAGE, extensions: { code: 'OPERATION_LIMIT_EXCEEDED' } }],
    });
    expect(t.upstream.requests).toHaveLength(0);
    const served = await execute(t.gateway, query, { r: [...representations(50), ...representations(50)] });
    expect(served.body.errors).toBeUndefined();
    expect(served.body.data!._entities).toHaveLength(100);
    expect(t.upstream.runRequests).toHaveLength(50);
  });

  it('ids hidden in a named fragment on Query are counted too', async () => {
    const query = `query { ...Runs } fragment Runs on Query { ${distinctIds(51)
      .map((id, index) => `a${index}: processRun(id: "${id}") { id }`)
      .join(' ')} }`;
    expect((await execute(t.gateway, query)).body.errors?.[0]?.extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('the budget is configurable: MAX_UPSTREAM_CALLS_PER_OPERATION=3 refuses 4 ids and serves 3', async () => {
    await withGateway(
      { MAX_UPSTREAM_CALLS_PER_OPERATION: '3' },
      async (small) => {
        expect((await execute(small, aliasesQuery(distinctIds(4)))).body.errors?.[0]?.extensions?.code).toBe(
          'OPERATION_LIMIT_EXCEEDED',
        );
        expect(small.upstream.requests).toHaveLength(0);
        expect((await execute(small, aliasesQuery(distinctIds(3)))).body.errors).toBeUndefined();
        expect(small.upstream.runRequests).toHaveLength(3);
      },
      { upstream: echoRuns },
    );
  });
});

describe('per-operation upstream call budget – the runtime counter never sends more than the budget', () => {
  const fake = useFakeUpstream(echoRuns);
  let client: ProcessesClient;

  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    client = new ProcessesClient({
      baseUrl: fake.upstream.url,
      apiVersion: 'test',
      timeoutMs: 5_000,
      maxBodyBytes: 1024 * 1024,
      credentials: passthroughCredentials(true),
      logger,
    });
  });
  afterAll(async () => {
    await client.close();
  });

  // Past the static check (which counts what it can see), the per-request context is the last word.
  it('60 distinct loads in one request context → 50 upstream calls, 10 OPERATION_LIMIT_EXCEEDED; a repeated key is free', async () => {
    const createContext = createContextFactory({
      client,
      logger: pino({ level: 'silent' }),
      drift: new UpstreamDriftReporter(pino({ level: 'silent' })),
      maxUpstreamCallsPerOperation: 50,
    });
    const request = new Request('http://gateway.test/graphql', { headers: { authorization: TEST_TOKEN } });
    const context = createContext({ request, params: { query: '{ __typename }' } } as never);
    const keys = distinctIds(60).map((id) => ({ id, excludeGeneratedJobs: false }));
    const results = await context.loaders.processRun.loadMany([...keys, keys[0]!]);
    const refused = results.filter((result) => result instanceof Error) as Array<
      Error & { extensions?: Record<string, unknown> }
    >;
    expect(refused).toHaveLength(10);
    expect(refused.map((error) => [error.message, error.extensions?.code])).toEqual(
      Array.from({ length: 10 }, () => [BUDGET_MESSAGE, 'OPERATION_LIMIT_EXCEEDED']),
    );
    expect(fake.upstream.runRequests).toHaveLength(50);
    expect(context.upstreamCalls.used).toBe(50);
  });
});
