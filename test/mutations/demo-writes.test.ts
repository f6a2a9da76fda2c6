import { startDemoUpstream, type DemoUpstream } from '../../src/demo/demo-upstream';
import { DEMO_ERROR_SCENARIOS } from '../../src/demo/demo-errors';
import { DEMO_ACTS_THEN_STALLS } from '../../src/demo/demo-writes';
import { execute, expectNoErrors, expectOnlyError, useGateway } from '../harness';

const STEP_MS = 20;

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  // Bounded by the jest timeout only: the run advances every STEP_MS, so even a loaded machine gets there.
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  }
}

describe('demo upstream – the writes work in memory and change what the reads return', () => {
  // The demo upstream on its own (a fast clock), so the tests can read its store; the gateway in front of it.
  let demo: DemoUpstream;
  beforeAll(async () => {
    demo = await startDemoUpstream({ advanceEveryMs: STEP_MS });
  });
  afterAll(() => demo?.close());
  const t = useGateway({
    env: { UPSTREAM_TIMEOUT_MS: '1000', UPSTREAM_BREAKER_THRESHOLD: '0' },
    upstreamUrl: () => demo.url,
    demoUpstream: true,
  });

  it('createProcess, then runProcess: the run has the new tree and its jobs advance until the run is complete', async () => {
    const created = expectNoErrors(
      await execute(
        t.gateway,
        `mutation { createProcess(input: { name: "Demo close", root: { name: "Root", children: [
        { job: { action: SEND_TASK, arguments: { sendTask: { title: "Collect", assignee: "user-1" } } } },
        { group: { name: "Review", children: [{ job: { action: CONTENT_REQUEST, arguments: { contentRequest: { title: "Fill", assignee: "user-2", document: "doc-1" } } } }] } }
      ] } }) { id } }`,
      ),
    );
    const processId = created.createProcess.id as string;
    const started = expectNoErrors(
      await execute(
        t.gateway,
        `mutation($id: ID!) { runProcess(processId: $id) { id name status process { id } jobs { action status } } }`,
        { id: processId },
      ),
    );
    expect(started.runProcess).toMatchObject({ name: 'Demo close', status: 'RUNNING', process: { id: processId } });
    expect(started.runProcess.jobs.map((job: { action: string }) => job.action)).toEqual([
      'SEND_TASK',
      'CONTENT_REQUEST',
    ]);
    const read = (id: string) =>
      execute(t.gateway, `query($id: ID!) { processRun(id: $id) { status jobs { status } } }`, { id });
    const finished = await until(
      () => read(started.runProcess.id),
      (result) => result.body.data?.processRun?.status === 'COMPLETE',
    );
    expect(expectNoErrors(finished).processRun.jobs).toEqual([{ status: 'COMPLETE' }, { status: 'COMPLETE' }]);
  });

  it('addJobRuns inserts after the named sibling; the read shows it in place', async () => {
    const added = expectNoErrors(
      await execute(
        t.gateway,
        `mutation { addJobRuns(processRunId: "processrun-xyz789", placement: { relativeSiblingId: "jobrun-001", before: false },
        jobs: [{ action: SEND_TASK, arguments: { sendTask: { title: "Inserted", assignee: "user-1" } } }]) { id ordinal status } }`,
      ),
    );
    expect(added.addJobRuns).toEqual([{ id: expect.stringMatching(/^jobrun-demo-/), ordinal: 1, status: 'WAITING' }]);
    const run = expectNoErrors(
      await execute(t.gateway, `{ processRun(id: "processrun-xyz789") { revision jobs { id } } }`),
    );
    expect(run.processRun.jobs.map((job: { id: string }) => job.id)).toEqual([
      'jobrun-001',
      added.addJobRuns[0].id,
      'jobrun-002',
      'jobrun-003',
    ]);
    expect(run.processRun.revision).toBe(6);
  });

  it('renameProcessItems renames in the stored process; trashProcess removes it (a run of it is then NOT_FOUND)', async () => {
    const process = demo.store.processes.get('process-abc123')!;
    const root = process.root!;
    const firstJob = root.children![0]!.job;
    if (!firstJob) throw new Error('the seed process starts with a job');
    expectNoErrors(
      await execute(
        t.gateway,
        `mutation($id: ID!) { renameProcessItems(processId: "process-abc123", renames: [{ kind: JOB, id: $id, newName: "Renamed" }, { kind: GROUP, id: "${root.id}", newName: "Main" }]) { id } }`,
        { id: firstJob.id },
      ),
    );
    expect(firstJob.name).toBe('Renamed');
    expect(root.name).toBe('Main');
    expectOnlyError(
      await execute(
        t.gateway,
        `mutation { renameProcessItems(processId: "process-abc123", renames: [{ kind: JOB, id: "no-such-job", newName: "x" }]) { id } }`,
      ),
      'BAD_USER_INPUT',
    );
    expect(
      expectNoErrors(await execute(t.gateway, `mutation { trashProcess(processId: "process-sox-cert") }`)).trashProcess,
    ).toBe('process-sox-cert');
    expectOnlyError(
      await execute(t.gateway, `mutation { runProcess(processId: "process-sox-cert") { id } }`),
      'NOT_FOUND',
    );
  });

  it('one store for reads and writes: create → listed; run → its current run; rename → read by id; trash → NOT_FOUND and unlisted', async () => {
    const listed = async () =>
      expectNoErrors(
        await execute(
          t.gateway,
          `{ processes(filter: { nameContains: "Store check" }) { nodes { id name run { id } } } }`,
        ),
      ).processes.nodes;
    const read = (id: string) =>
      execute(t.gateway, `query($id: ID!) { process(id: $id) { id name jobs { id name } run { id status } } }`, { id });
    expect(await listed()).toEqual([]);
    const created = expectNoErrors(
      await execute(
        t.gateway,
        `mutation { createProcess(input: { name: "Store check", root: { name: "Root", children: [
        { job: { action: SEND_TASK, arguments: { sendTask: { title: "Collect", assignee: "user-1" } } } }
      ] } }) { id jobs { id name } } }`,
      ),
    ).createProcess;
    expect(await listed()).toEqual([{ id: created.id, name: 'Store check', run: null }]);

    const run = expectNoErrors(
      await execute(t.gateway, `mutation($id: ID!) { runProcess(processId: $id) { id } }`, { id: created.id }),
    ).runProcess;
    // The demo clock here advances every STEP_MS, so by the time of this read the one-job run may have finished.
    const current = expectNoErrors(await read(created.id)).process.run;
    expect(current.id).toBe(run.id);
    expect(['RUNNING', 'COMPLETE']).toContain(current.status);
    expect(await listed()).toEqual([{ id: created.id, name: 'Store check', run: { id: run.id } }]);

    const jobId = created.jobs[0].id as string;
    expectNoErrors(
      await execute(
        t.gateway,
        `mutation($p: ID!, $j: ID!) { renameProcessItems(processId: $p, renames: [{ kind: JOB, id: $j, newName: "Collected" }]) { id } }`,
        { p: created.id, j: jobId },
      ),
    );
    expect(expectNoErrors(await read(created.id)).process.jobs).toEqual([{ id: jobId, name: 'Collected' }]);

    expect(
      expectNoErrors(
        await execute(t.gateway, `mutation($id: ID!) { trashProcess(processId: $id) }`, { id: created.id }),
      ).trashProcess,
    ).toBe(created.id);
    const gone = expectOnlyError(await read(created.id), 'NOT_FOUND');
    expect(gone.message).toBe('Process not found.');
    expect(await listed()).toEqual([]);
  });

  it.each(DEMO_ERROR_SCENARIOS.map((scenario) => [scenario.id, scenario.gatewayCode]))(
    'demo id %s makes each write fail with %s',
    async (id, code) => {
      for (const [document, variables] of [
        [`mutation($id: ID!) { runProcess(processId: $id) { id } }`, { id }],
        [
          `mutation($id: ID!) { addJobRuns(processRunId: $id, jobs: [{ action: SEND_TASK, arguments: { sendTask: { title: "t", assignee: "u" } } }]) { id } }`,
          { id },
        ],
        [
          `mutation($id: String!) { createProcess(input: { name: $id, root: { name: "R", children: [] } }) { id } }`,
          { id },
        ],
        [
          `mutation($id: ID!) { renameProcessItems(processId: $id, renames: [{ kind: JOB, id: "j", newName: "n" }]) { id } }`,
          { id },
        ],
        [`mutation($id: ID!) { trashProcess(processId: $id) }`, { id }],
      ] as const) {
        expectOnlyError(await execute(t.gateway, document, variables), code);
      }
    },
  );

  it(`${DEMO_ACTS_THEN_STALLS}: the run is started but the answer never comes: UPSTREAM_TIMEOUT with outcome UNKNOWN`, async () => {
    const before = [...demo.store.runs.values()].filter((run) => run.process === DEMO_ACTS_THEN_STALLS).length;
    const error = expectOnlyError(
      await execute(t.gateway, `mutation { runProcess(processId: "${DEMO_ACTS_THEN_STALLS}") { id } }`),
      'UPSTREAM_TIMEOUT',
    );
    expect(error.extensions!.outcome).toBe('UNKNOWN');
    expect([...demo.store.runs.values()].filter((run) => run.process === DEMO_ACTS_THEN_STALLS)).toHaveLength(
      before + 1,
    );
  });
});
