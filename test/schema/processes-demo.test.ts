import { listDemoProcesses } from '../../src/demo/demo-process-list';
import { DEMO_PROCESSES } from '../../src/demo/fixtures';
import { execute, expectNoErrors, useDemoGateway } from '../harness';

const LIST = /* GraphQL */ `
  query List($first: Int, $after: String, $filter: ProcessFilter, $orderBy: ProcessOrder) {
    processes(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      nodes {
        id
        name
        dueDate
        run {
          id
          status
          created {
            dateTime
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

type Node = {
  id: string;
  name: string;
  dueDate: string | null;
  run: { id: string; status: string; created: { dateTime: string } } | null;
};

describe('the embedded demo upstream – GET /processes and GET /processes/{id}', () => {
  const t = useDemoGateway();

  async function list(
    variables: Record<string, unknown>,
  ): Promise<{ nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
    return expectNoErrors(await execute(t.gateway, LIST, variables)).processes;
  }

  async function all(variables: Record<string, unknown>): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list({ ...variables, after });
      nodes.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  it('serves at least 120 processes in real pages, newest run first, never-started ones last, the seed run current on process-abc123', async () => {
    const first = await list({ first: 50 });
    expect(first.nodes).toHaveLength(50);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const nodes = await all({ first: 50 });
    expect(nodes.length).toBeGreaterThanOrEqual(120);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
    const started = nodes.filter((node) => node.run !== null);
    const created = started.map((node) => node.run!.created.dateTime);
    expect(created).toEqual([...created].sort().reverse());
    expect(nodes.slice(started.length).every((node) => node.run === null)).toBe(true);
    expect(nodes.length - started.length).toBeGreaterThanOrEqual(30);
    expect(nodes.find((node) => node.id === 'process-abc123')!.run).toMatchObject({
      id: 'processrun-xyz789',
      status: 'RUNNING',
    });
  });

  it('honours the page size, the name filter (with a quote) and the order', async () => {
    expect((await list({ first: 7 })).nodes).toHaveLength(7);
    const obrien = await all({ first: 5, filter: { nameContains: "o'brien" } });
    expect(obrien.length).toBe(DEMO_PROCESSES.filter((process) => process.name.includes("O'Brien")).length);
    expect(obrien.length).toBeGreaterThan(5);
    expect(obrien.every((node) => node.name.includes("O'Brien"))).toBe(true);
    const byName = await all({ first: 1000, orderBy: { field: 'NAME', direction: 'ASC' } });
    const names = byName.map((node) => node.name);
    expect(names).toEqual([...names].sort());
    const byDue = (await list({ first: 1000, orderBy: { field: 'DUE_DATE', direction: 'DESC' } })).nodes;
    const dated = byDue.filter((node) => node.dueDate !== null).map((node) => node.dueDate!);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(byDue.slice(dated.length).every((node) => node.dueDate === null)).toBe(true);
  });

  it('serves one process with its tree and current run, consistent with GET /processRuns', async () => {
    const { body } = await execute(
      t.gateway,
      `{
        process(id: "process-annual-report") { name root { children { __typename ... on ProcessGroup { name children { __typename } } } } jobs { id action } run { id name } }
        processRun(id: "processrun-gen-002") { process { id name run { id } } }
        missing: process(id: "process-nope") { id }
      }`,
    );
    expect(body.data!.process).toEqual({
      name: 'FY2024 Annual Report',
      root: {
        children: [
          { __typename: 'ProcessGroup', name: 'Review', children: [{ __typename: 'ProcessJob' }] },
          { __typename: 'ProcessGroup', name: 'Drafting', children: [{ __typename: 'ProcessJob' }] },
        ],
      },
      jobs: [
        { id: 'job-review-1', action: 'SEND_TASK' },
        { id: 'job-draft-1', action: 'SEND_TASK' },
      ],
      run: { id: 'processrun-nested-001', name: 'FY2024 Annual Report' },
    });
    expect(body.data!.processRun.process).toMatchObject({ id: 'process-gen-002', run: { id: 'processrun-gen-002' } });
    expect(body.data!.missing).toBeNull();
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

describe('the demo list endpoint – the upstream rules it plays', () => {
  const query = (params: Record<string, string>) => new URLSearchParams(params);

  it('answers 400 with an Error body for an unknown $next, a $next of another query, a bad $filter, $orderBy or $maxpagesize', () => {
    const first = listDemoProcesses(DEMO_PROCESSES, query({ $maxpagesize: '10' }), 'http://demo/processes');
    const link = (first.body as { '@nextLink': string })['@nextLink'];
    const next = new URL(link).searchParams.get('$next')!;
    expect(
      listDemoProcesses(DEMO_PROCESSES, query({ $maxpagesize: '10', $next: next }), 'http://demo/processes').status,
    ).toBe(200);
    const cases: Array<Record<string, string>> = [
      { $maxpagesize: '10', $next: 'garbage' },
      { $maxpagesize: '11', $next: next },
      { $filter: "name eq 'x'" },
      { $filter: "name contains 'unterminated" },
      { $orderBy: 'revision asc' },
      { $maxpagesize: '0' },
      { $maxpagesize: '1001' },
    ];
    for (const params of cases) {
      const answer = listDemoProcesses(DEMO_PROCESSES, query(params), 'http://demo/processes');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'invalidRequest' });
    }
  });
});
