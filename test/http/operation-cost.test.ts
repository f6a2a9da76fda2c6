import { seedProcess, seedProcessRun } from '../../src/demo/fixtures';
import { createLiveClient, execute, expectNoErrors, expectOnlyError, useGateway, type LiveTransport } from '../harness';

// 1000 processes, each embedding its started run: one upstream page answers the whole selection.
const PAGE = Array.from({ length: 1000 }, (_, index) => ({
  ...seedProcess,
  id: `process-${index}`,
  run: { ...(seedProcess as { run: Record<string, unknown> }).run, id: `run-${index}` },
}));

const NODES =
  '{ processes(first: 1000) { nodes { id name dueDate run { id status } } pageInfo { hasNextPage endCursor } } }';
const EDGES =
  '{ processes(first: 1000) { edges { cursor node { id name dueDate run { id status } } } pageInfo { hasNextPage endCursor } } }';
// Five `run` links per item: each may cost a GET /processRuns/{id} when the embedded run lacks a field.
const FIVE_RUNS = 'nodes { a: run { id } b: run { id } c: run { id } d: run { id } e: run { id } }';

/** The refusal, whole: the limit's name and value and the computed cost, in the message and in the extensions. */
function costRefusal(cost: number) {
  return {
    message: `The operation is refused: its cost is ${cost}, over the cost limit of 5000 (MAX_QUERY_COST; docs/limits.md says how cost is computed). Simplify or split it.`,
    extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'MAX_QUERY_COST', maxCost: 5000, cost },
  };
}

describe('operation cost – priced from @cost/@listSize in the SDL, not first × fields', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveProcessList(PAGE).serveRun(seedProcessRun) });

  it.each([
    ['nodes', NODES],
    ['edges { cursor node }', EDGES],
  ])(
    'a page of processes(first: 1000) through %s is served by default with one upstream call',
    async (_name, query) => {
      const data = expectNoErrors(await execute(t.gateway, query));
      const page = data.processes as { nodes?: unknown[]; edges?: unknown[]; pageInfo: unknown };
      expect((page.nodes ?? page.edges)!).toHaveLength(1000);
      expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
      expect(t.upstream.requests).toHaveLength(1);
    },
  );

  it('five run links per item of a 1000-item page: refused with the limit and the cost (19 fields + 1 + 5 × 1000 calls)', async () => {
    const response = await execute(t.gateway, `{ processes(first: 1000) { ${FIVE_RUNS} } }`);
    expect(response.body).toEqual({ errors: [costRefusal(5020)] });
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('a variable page size is priced by its value (armor only read literals)', async () => {
    const query = `query Page($n: Int) { processes(first: $n) { ${FIVE_RUNS} } }`;
    expect((await execute(t.gateway, query, { n: 1000 })).body).toEqual({ errors: [costRefusal(5020)] });
    expect(t.upstream.requests).toHaveLength(0);
    expectNoErrors(await execute(t.gateway, query, { n: 100 }));
    expect(t.upstream.requests).toHaveLength(1);
    // Prices are remembered per document and variables: the same document with the large size is refused again.
    expect((await execute(t.gateway, query, { n: 1000 })).body).toEqual({ errors: [costRefusal(5020)] });
    expect(t.upstream.requests).toHaveLength(1);
  });

  it('a fragment spread under the connection keeps its items priced', async () => {
    const query = `{ processes(first: 1000) { ...Page } } fragment Page on ProcessConnection { ${FIVE_RUNS} }`;
    expect((await execute(t.gateway, query)).body).toEqual({ errors: [costRefusal(5020)] });
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('a fragment bomb is priced by every spread in full: 3 × 2^16 fields + processRun (2 + 1 call)', async () => {
    const fragments = ['fragment F0 on ProcessRun { id name status }'];
    for (let level = 1; level <= 16; level++)
      fragments.push(`fragment F${level} on ProcessRun { ...F${level - 1} ...F${level - 1} }`);
    const response = await execute(
      t.gateway,
      `{ processRun(id: "${seedProcessRun.id}") { ...F16 } } ${fragments.join(' ')}`,
    );
    expect(response.body).toEqual({ errors: [costRefusal(3 * 2 ** 16 + 3)] });
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('the refusal comes before any resolver: a processes query over the cost makes no call either', async () => {
    expectOnlyError(
      await execute(t.gateway, `{ processes { ${FIVE_RUNS} } x: processes(first: 1000) { ${FIVE_RUNS} } }`),
      'OPERATION_LIMIT_EXCEEDED',
    );
    expect(t.upstream.requests).toHaveLength(0);
  });

  it.each<LiveTransport>(['sse', 'ws'])(
    'a subscription is priced too (over %s): a fragment bomb ends with the refusal, no upstream call',
    async (transport) => {
      const fragments = ['fragment F0 on ProcessRun { id name status }'];
      for (let level = 1; level <= 16; level++)
        fragments.push(`fragment F${level} on ProcessRun { ...F${level - 1} ...F${level - 1} }`);
      const client = createLiveClient(t.gateway, transport);
      try {
        const watch = client.subscribe(
          `subscription { processRunUpdated(id: "${seedProcessRun.id}") { ...F16 } } ${fragments.join(' ')}`,
        );
        await watch.waitForEnd();
        const errors = watch.events.flatMap((event) => event.errors ?? []);
        expect(errors).toEqual([costRefusal(3 * 2 ** 16 + 3)]);
        expect(t.upstream.requests).toHaveLength(0);
      } finally {
        await client.close();
      }
    },
  );
});
