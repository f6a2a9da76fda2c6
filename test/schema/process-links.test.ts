import { DEMO_PROCESSES, seedProcess, seedProcessRun } from '../../src/demo/fixtures';
import { execute, expectNoErrors, expectOnlyError, useGateway, withGateway } from '../harness';

// A build-time tree with every shape: nested group (guessed wrapper), jobs out of ordinal order, a job without
// action (as in the create example), an unknown action, unknown arguments, an unknown node type.
const TREE_PROCESS = {
  id: 'process-tree-1',
  name: 'Tree process',
  dueDate: '2025-06-30',
  businessStartDate: '2025-01-01',
  businessDaysOfWeek: ['monday', 'funday'],
  autoClose: true,
  certAutoApprove: false,
  relativeDates: true,
  created: { dateTime: '2025-01-02T03:04:05Z', user: { id: 'user-1' } },
  modified: { dateTime: '2025-01-03T03:04:05Z', user: 'user-2' },
  futureField: { kept: true },
  root: {
    id: 'g-root',
    name: 'Root',
    parallel: false,
    readOnly: false,
    triggerType: 'whenEligible',
    children: [
      {
        type: 'group',
        group: {
          id: 'g-b',
          name: 'B',
          ordinal: 1,
          parallel: true,
          children: [
            {
              type: 'job',
              job: {
                id: 'j-b2',
                ordinal: 1,
                action: 'contentRequest',
                arguments: {
                  type: 'contentRequest',
                  contentRequestArgs: { approverUser: 'user-9', assignee: { id: 'user-8', type: 'user' }, title: 'CR' },
                },
              },
            },
            {
              type: 'job',
              job: { id: 'j-b1', ordinal: 0, action: 'someNewAction', arguments: { type: 'someNewArgs', x: 1 } },
            },
          ],
        },
      },
      {
        type: 'job',
        job: {
          id: 'j-a',
          ordinal: 0,
          name: 'First',
          triggerType: 'whenEligible',
          arguments: {
            type: 'sendTask',
            sendTaskArgs: {
              assigneeUser: 'userId1234',
              approverUser: 'userId5678',
              dueDate: '2024-12-15',
              title: 'Complete Self-Assessment',
            },
          },
        },
      },
      { type: 'milestone', milestone: { id: 'm-1' } },
    ],
  },
};

const TREE_QUERY = /* GraphQL */ `
  query Tree($id: ID!) {
    process(id: $id) {
      id
      name
      dueDate
      businessStartDate
      businessDaysOfWeek
      autoClose
      certAutoApprove
      relativeDates
      created {
        dateTime
        user {
          id
        }
      }
      modified {
        dateTime
        user {
          id
        }
      }
      root {
        ...G
        children {
          __typename
          ...G
          ...J
          ... on UnknownProcessNode {
            type
            raw
          }
          ... on ProcessGroup {
            children {
              __typename
              ...J
            }
          }
        }
      }
      jobs {
        id
      }
      run {
        id
      }
      raw
    }
  }
  fragment G on ProcessGroup {
    id
    name
    parallel
    readOnly
    triggerType
    ordinal
    parent
  }
  fragment J on ProcessJob {
    id
    name
    action
    triggerType
    ordinal
    readOnly
    arguments {
      __typename
      ... on SendTaskArguments {
        title
        assignee {
          __typename
          ... on User {
            id
          }
        }
        raw
      }
      ... on ContentRequestArguments {
        title
        approver {
          __typename
          ... on User {
            id
          }
        }
      }
      ... on UnknownJobArguments {
        type
        raw
      }
    }
  }
`;

const RUN_FIELDS = 'id name status';

describe('process – the build-time tree', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveProcess(TREE_PROCESS).serveProcess(seedProcess) });

  it('maps every field, the Group/Job/Unknown tree and the job order; unknown values are UNKNOWN and logged, never errors', async () => {
    const data = expectNoErrors(await execute(t.gateway, TREE_QUERY, { id: 'process-tree-1' }));
    const jA = {
      id: 'j-a',
      name: 'First',
      action: null,
      triggerType: 'whenEligible',
      ordinal: 0,
      readOnly: null,
      arguments: {
        __typename: 'SendTaskArguments',
        title: 'Complete Self-Assessment',
        assignee: { __typename: 'User', id: 'userId1234' },
        raw: TREE_PROCESS.root.children[1]!.job!.arguments.sendTaskArgs,
      },
    };
    expect(data.process).toEqual({
      id: 'process-tree-1',
      name: 'Tree process',
      dueDate: '2025-06-30',
      businessStartDate: '2025-01-01',
      businessDaysOfWeek: ['MONDAY', 'UNKNOWN'],
      autoClose: true,
      certAutoApprove: false,
      relativeDates: true,
      created: { dateTime: '2025-01-02T03:04:05Z', user: { id: 'user-1' } },
      modified: { dateTime: '2025-01-03T03:04:05Z', user: { id: 'user-2' } },
      root: {
        id: 'g-root',
        name: 'Root',
        parallel: false,
        readOnly: false,
        triggerType: 'whenEligible',
        ordinal: null,
        parent: null,
        children: [
          {
            __typename: 'ProcessGroup',
            id: 'g-b',
            name: 'B',
            parallel: true,
            readOnly: null,
            triggerType: null,
            ordinal: 1,
            parent: null,
            children: [
              {
                __typename: 'ProcessJob',
                id: 'j-b2',
                name: null,
                action: 'CONTENT_REQUEST',
                triggerType: null,
                ordinal: 1,
                readOnly: null,
                arguments: {
                  __typename: 'ContentRequestArguments',
                  title: 'CR',
                  approver: { __typename: 'User', id: 'user-9' },
                },
              },
              {
                __typename: 'ProcessJob',
                id: 'j-b1',
                name: null,
                action: 'UNKNOWN',
                triggerType: null,
                ordinal: 0,
                readOnly: null,
                arguments: {
                  __typename: 'UnknownJobArguments',
                  type: 'someNewArgs',
                  raw: { type: 'someNewArgs', x: 1 },
                },
              },
            ],
          },
          { __typename: 'ProcessJob', ...jA },
          { __typename: 'UnknownProcessNode', type: 'milestone', raw: { type: 'milestone', milestone: { id: 'm-1' } } },
        ],
      },
      // Depth first, siblings by ordinal: j-a (0) before group B (1), inside B j-b1 (0) before j-b2 (1).
      jobs: [{ id: 'j-a' }, { id: 'j-b1' }, { id: 'j-b2' }],
      run: null,
      raw: TREE_PROCESS,
    });
    expect(t.upstream.requests.map((request) => request.url)).toEqual(['/processes/process-tree-1']);
    const drift = t.gateway.logs.entries.filter((entry) => entry.drift).map((entry) => entry.drift);
    expect(drift).toEqual(
      expect.arrayContaining([
        { kind: 'enum', name: 'DayOfWeek', value: 'funday' },
        { kind: 'enum', name: 'JobAction', value: 'someNewAction' },
        { kind: 'job-arguments', name: 'UnknownJobArguments', value: 'someNewArgs' },
        { kind: 'process-node', name: 'ProcessNode', value: 'milestone' },
      ]),
    );
  });

  it('excludeGeneratedJobs is passed on; the id is one encoded path segment; a bad id never reaches the upstream', async () => {
    t.upstream.serveProcess({ ...TREE_PROCESS, id: 'a/b?c' });
    expectNoErrors(
      await execute(
        t.gateway,
        '{ x: process(id: "process-tree-1", excludeGeneratedJobs: true) { id } y: process(id: "a/b?c") { name } }',
      ),
    );
    expect(t.upstream.requests.map((request) => request.url).sort()).toEqual([
      '/processes/a%2Fb%3Fc',
      '/processes/process-tree-1?excludeGeneratedJobs=true',
    ]);
    t.upstream.requests.length = 0;
    for (const id of ['..', '', 'x'.repeat(257), 'bad\nid']) {
      expectOnlyError(
        await execute(t.gateway, 'query ($id: ID!) { process(id: $id) { id } }', { id }),
        'BAD_USER_INPUT',
      );
    }
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('a body without a name is UPSTREAM_BAD_RESPONSE; a missing process is null with NOT_FOUND naming the process', async () => {
    t.upstream.serveProcess({ id: 'process-nameless' });
    const bad = await execute(t.gateway, '{ process(id: "process-nameless") { id } }');
    expectOnlyError(bad, 'UPSTREAM_BAD_RESPONSE');
    const missing = await execute(t.gateway, '{ process(id: "process-missing") { id } }');
    expect(missing.body.data).toEqual({ process: null });
    expect(expectOnlyError(missing, 'NOT_FOUND').message).toBe('Process not found.');
  });
});

describe('process – the current run (Process.run) and its call counts', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveRun(seedProcessRun) });
  const withRun = (id: string, run: unknown) => ({ ...seedProcess, id, run });

  it('a whole embedded run is used as it is: no run call, whatever is selected', async () => {
    t.upstream.serveProcess(seedProcess);
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `{ process(id: "process-abc123") { run { ${RUN_FIELDS} jobs { id } process { id } } } }`,
      ),
    );
    expect(data.process.run).toEqual({
      id: 'processrun-xyz789',
      name: 'Q4 2024 Financial Close',
      status: 'RUNNING',
      jobs: [{ id: 'jobrun-001' }, { id: 'jobrun-002' }, { id: 'jobrun-003' }],
      process: { id: 'process-abc123' },
    });
    expect(t.upstream.runRequests).toHaveLength(0);
  });

  it('a process never started has run: null and costs nothing more', async () => {
    t.upstream.serveProcess({ ...seedProcess, id: 'process-new', run: undefined });
    expect(
      expectNoErrors(await execute(t.gateway, `{ process(id: "process-new") { run { ${RUN_FIELDS} } } }`)).process.run,
    ).toBeNull();
    expect(t.upstream.requests).toHaveLength(1);
  });

  it('a run given as a plain id: `run { id }` costs nothing; any other field fetches it once through the processRun loader', async () => {
    t.upstream.serveProcess(withRun('process-id-only', 'processrun-xyz789'));
    expect(
      expectNoErrors(await execute(t.gateway, '{ process(id: "process-id-only") { run { id __typename } } }')).process
        .run,
    ).toEqual({ id: 'processrun-xyz789', __typename: 'ProcessRun' });
    expect(t.upstream.runRequests).toHaveLength(0);
    const data = expectNoErrors(
      await execute(t.gateway, `{ process(id: "process-id-only") { run { ${RUN_FIELDS} } again: run { revision } } }`),
    );
    expect(data.process.run).toEqual({ id: 'processrun-xyz789', name: 'Q4 2024 Financial Close', status: 'RUNNING' });
    expect(data.process.again).toEqual({ revision: 5 });
    expect(t.upstream.runRequests.map((request) => request.url)).toEqual(['/processRuns/processrun-xyz789']);
  });

  it('a partial embedded run is used while it holds every selected field, fetched otherwise', async () => {
    t.upstream.serveProcess(
      withRun('process-partial', { id: 'processrun-xyz789', name: 'Q4 (summary)', status: 'complete' }),
    );
    const summary = expectNoErrors(
      await execute(t.gateway, `{ process(id: "process-partial") { run { ${RUN_FIELDS} } } }`),
    );
    expect(summary.process.run).toEqual({ id: 'processrun-xyz789', name: 'Q4 (summary)', status: 'COMPLETE' });
    expect(t.upstream.runRequests).toHaveLength(0);
    const full = expectNoErrors(
      await execute(t.gateway, '{ process(id: "process-partial") { run { id jobs { id } } } }'),
    );
    expect(full.process.run.jobs).toHaveLength(3);
    expect(t.upstream.runRequests).toHaveLength(1);
  });

  it('anything else under `run` is drift: null, logged', async () => {
    t.upstream.serveProcess(withRun('process-odd-run', 42));
    expect(
      expectNoErrors(await execute(t.gateway, '{ process(id: "process-odd-run") { run { id } } }')).process.run,
    ).toBeNull();
    expect(
      t.gateway.logs.entries.some((entry) => entry.drift?.kind === 'embedded-run' && entry.drift.value === 'number'),
    ).toBe(true);
  });

  it('a list page with whole embedded runs costs one call; with id-only runs one more per distinct run (deduped)', async () => {
    t.upstream.serveProcessList(DEMO_PROCESSES);
    const page = expectNoErrors(
      await execute(t.gateway, '{ processes(first: 50) { nodes { id run { id status } } } }'),
    );
    expect(page.processes.nodes.filter((node: { run: unknown }) => node.run === null).length).toBeGreaterThan(0);
    expect(page.processes.nodes.find((node: { id: string }) => node.id === 'process-abc123').run).toEqual({
      id: 'processrun-xyz789',
      status: 'RUNNING',
    });
    expect(t.upstream.requests).toHaveLength(1);

    t.upstream.requests.length = 0;
    t.upstream.serveProcessList([
      withRun('p1', 'processrun-xyz789'),
      withRun('p2', 'processrun-xyz789'),
      withRun('p3', undefined),
    ]);
    const ids = expectNoErrors(await execute(t.gateway, '{ processes { nodes { id run { status } } } }'));
    expect(ids.processes.nodes).toEqual([
      { id: 'p1', run: { status: 'RUNNING' } },
      { id: 'p2', run: { status: 'RUNNING' } },
      { id: 'p3', run: null },
    ]);
    expect(t.upstream.requests.map((request) => request.path)).toEqual([
      '/processes',
      '/processRuns/processrun-xyz789',
    ]);
  });

  it('run fetches count against MAX_UPSTREAM_CALLS_PER_OPERATION: past it, each run is OPERATION_LIMIT_EXCEEDED, the page stays', async () => {
    await withGateway({ MAX_UPSTREAM_CALLS_PER_OPERATION: '3' }, async (gateway) => {
      const processes = ['r1', 'r2', 'r3', 'r4'].map((run, i) => withRun(`p${i}`, run));
      gateway.upstream.serveProcessList(processes);
      for (const run of ['r1', 'r2', 'r3', 'r4']) gateway.upstream.serveRun({ ...seedProcessRun, id: run });
      const result = await execute(gateway, '{ processes { nodes { id run { name } } } }');
      const nodes = result.body.data!.processes.nodes as Array<{ run: unknown }>;
      expect(nodes.filter((node) => node.run !== null)).toHaveLength(2);
      expect(result.body.errors!.map((error) => error.extensions?.code)).toEqual([
        'OPERATION_LIMIT_EXCEEDED',
        'OPERATION_LIMIT_EXCEEDED',
      ]);
      expect(gateway.upstream.requests).toHaveLength(3);
    });
  });
});

describe('ProcessRun.process – a real link', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveRun(seedProcessRun).serveProcess(seedProcess) });

  it('selecting only id costs no upstream call beyond the run', async () => {
    const data = expectNoErrors(
      await execute(t.gateway, '{ processRun(id: "processrun-xyz789") { process { id __typename } } }'),
    );
    expect(data.processRun.process).toEqual({ id: 'process-abc123', __typename: 'Process' });
    expect(t.upstream.requests.map((request) => request.path)).toEqual(['/processRuns/processrun-xyz789']);
  });

  it('any other field fetches GET /processes/{id} once per request, however often it is asked for', async () => {
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `{
      a: processRun(id: "processrun-xyz789") { process { id name jobs { id } } }
      b: processRun(id: "processrun-xyz789") { process { ...P } }
      c: process(id: "process-abc123") { name }
    } fragment P on Process { dueDate run { id } }`,
      ),
    );
    expect(data.a.process).toEqual({
      id: 'process-abc123',
      name: 'Q4 2024 Financial Close',
      jobs: [{ id: 'job-template-001' }, { id: 'job-template-002' }, { id: 'job-template-003' }],
    });
    expect(data.b.process).toEqual({ dueDate: '2024-12-31', run: { id: 'processrun-xyz789' } });
    expect(t.upstream.requests.map((request) => request.path).sort()).toEqual([
      '/processRuns/processrun-xyz789',
      '/processes/process-abc123',
    ]);
  });

  it('a process that cannot be read is null with the coded error at its path; the run keeps its data', async () => {
    t.upstream.onProcess('process-abc123', (_request, response) => {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end('{"code":"403","message":"Forbidden"}');
    });
    const result = await execute(t.gateway, '{ processRun(id: "processrun-xyz789") { id name process { name } } }');
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({
      processRun: { id: 'processrun-xyz789', name: seedProcessRun.name, process: null },
    });
    const error = expectOnlyError(result, 'FORBIDDEN');
    expect(error.path).toEqual(['processRun', 'process']);
    expect(error.message).toBe('The credentials do not allow reading this process.');
  });

  it('a trashed process (upstream 404) is null with NOT_FOUND at its path; the run keeps its data', async () => {
    t.upstream.onProcess('process-abc123', (_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"code":"404","message":"Not Found"}');
    });
    const result = await execute(t.gateway, '{ processRun(id: "processrun-xyz789") { id status process { name } } }');
    expect(result.body.data).toEqual({
      processRun: { id: 'processrun-xyz789', status: expect.any(String), process: null },
    });
    expect(expectOnlyError(result, 'NOT_FOUND').path).toEqual(['processRun', 'process']);
  });
});
