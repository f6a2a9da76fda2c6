// A read after a write in the same operation sees the write: mutation root fields run one after another, and each
// write clears what the request's loaders hold about its target, so the next field's `process` link fetches again.
import { execute, expectNoErrors, json, useGateway } from '../harness';
import { startedRun } from './write-fixtures';

const PROCESS_ID = 'process-abc123';
const PROCESS_PATH = `/processes/${PROCESS_ID}`;

describe('read after write – the process loader forgets the written process', () => {
  const t = useGateway();

  /** A process whose job name and current run change when the upstream is written. */
  function serveProcess(state: { jobName: string; runId: string }) {
    t.upstream.onPath('GET', PROCESS_PATH, (_request, response) =>
      json(response, 200, {
        id: PROCESS_ID,
        name: 'Q4 close',
        root: {
          id: 'group-root',
          name: 'Root',
          children: [{ type: 'job', job: { id: 'job-1', name: state.jobName, action: 'sendTask' } }],
        },
        run: { id: state.runId },
      }),
    );
  }

  it('renameProcessItems, then a run’s process link in the next field: the new name, two GET /processes/{id}', async () => {
    const state = { jobName: 'Old name', runId: startedRun.id };
    serveProcess(state);
    t.upstream.onPath('POST', `${PROCESS_PATH}/run`, (_request, response) => json(response, 201, startedRun));
    t.upstream.onPath('POST', `${PROCESS_PATH}/batchUpdates`, (_request, response) => {
      state.jobName = 'New name';
      json(response, 200, { id: PROCESS_ID, name: 'Q4 close', root: { id: 'group-root', children: [] } });
    });
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `mutation {
          before: runProcess(processId: "${PROCESS_ID}") { process { jobs { name } } }
          rename: renameProcessItems(processId: "${PROCESS_ID}", renames: [{ kind: JOB, id: "job-1", newName: "New name" }]) { id }
          after: runProcess(processId: "${PROCESS_ID}") { process { jobs { name } } }
        }`,
      ),
    );
    expect(data.before.process.jobs).toEqual([{ name: 'Old name' }]);
    expect(data.after.process.jobs).toEqual([{ name: 'New name' }]);
    expect(t.upstream.requestsTo(PROCESS_PATH)).toHaveLength(2);
    expect(t.upstream.requestsTo(`${PROCESS_PATH}/batchUpdates`)).toHaveLength(1);
    expect(t.upstream.requestsTo(`${PROCESS_PATH}/run`)).toHaveLength(2);
  });

  it('runProcess twice: each answer’s process { run } is the run that write started', async () => {
    const state = { jobName: 'Job', runId: 'none-yet' };
    serveProcess(state);
    let started = 0;
    t.upstream.onPath('POST', `${PROCESS_PATH}/run`, (_request, response) => {
      started += 1;
      state.runId = `processrun-started-${started}`;
      json(response, 201, { ...startedRun, id: state.runId });
    });
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `mutation {
          first: runProcess(processId: "${PROCESS_ID}") { id process { run { id } } }
          second: runProcess(processId: "${PROCESS_ID}") { id process { run { id } } }
        }`,
      ),
    );
    expect(data.first).toEqual({ id: 'processrun-started-1', process: { run: { id: 'processrun-started-1' } } });
    expect(data.second).toEqual({ id: 'processrun-started-2', process: { run: { id: 'processrun-started-2' } } });
    // One GET per write: the run ids are embedded, so no GET /processRuns/{id}.
    expect(t.upstream.requestsTo(PROCESS_PATH)).toHaveLength(2);
    expect(t.upstream.runRequests).toHaveLength(0);
  });
});
