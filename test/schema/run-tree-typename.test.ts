import { seedProcess, seedProcessRun } from '../../src/demo/fixtures';
import { execute, expectNoErrors, json, useGateway } from '../harness';

// The union member is the gateway's decision from the wrapper's `type`, never a key the upstream object carries.
describe('processRun tree – an upstream `__typename` key does not pick the GraphQL type', () => {
  const t = useGateway();

  it('a job run and a group run that carry __typename keys of the other type resolve by their wrapper type', async () => {
    const run = structuredClone(seedProcessRun);
    const job = {
      ...run.root.children!.find((child) => child.type === 'job')!.jobRun!,
      id: 'job-x',
      __typename: 'GroupRun',
    };
    const group = { ...run.root, id: 'group-x', __typename: 'JobRun', children: [] };
    run.root.children = [
      { type: 'job', jobRun: job },
      { type: 'group', groupRun: group },
    ] as typeof run.root.children;
    t.upstream.onRun(run.id, (_request, response) => json(response, 200, run));
    // Four times: graphql-jit compiles a document on its 3rd execution, so both execution paths answer.
    const fastBefore = t.gateway.app.fastPath!.answered.fast;
    for (let execution = 1; execution <= 4; execution += 1) {
      const data = expectNoErrors(
        await execute(
          t.gateway,
          `query($id: ID!) { processRun(id: $id) { root { children { __typename ... on JobRun { id } ... on GroupRun { id } } } } }`,
          { id: run.id },
        ),
      );
      expect(data.processRun.root.children).toEqual([
        { __typename: 'JobRun', id: 'job-x' },
        { __typename: 'GroupRun', id: 'group-x' },
      ]);
    }
    expect(t.gateway.app.fastPath!.answered.fast).toBeGreaterThan(fastBefore);
  });
});

describe('process tree – an upstream `__typename` key does not pick the GraphQL type', () => {
  const t = useGateway();

  it('a job and a group that carry __typename keys of the other type resolve by their wrapper type, and raw keeps the keys as sent', async () => {
    const job = { id: 'job-x', ordinal: 0, __typename: 'ProcessGroup' };
    const group = { id: 'group-x', ordinal: 1, __typename: 'ProcessJob', children: [] };
    const process = {
      ...structuredClone(seedProcess),
      id: 'process-x',
      root: {
        id: 'root-x',
        children: [
          { type: 'job', job },
          { type: 'group', group },
        ],
      },
    };
    t.upstream.serveProcess(process);
    const fastBefore = t.gateway.app.fastPath!.answered.fast;
    for (let execution = 1; execution <= 4; execution += 1) {
      const data = expectNoErrors(
        await execute(
          t.gateway,
          `query($id: ID!) { process(id: $id) { root { children { __typename ... on ProcessJob { id } ... on ProcessGroup { id } } } raw } }`,
          { id: process.id },
        ),
      );
      expect(data.process.root.children).toEqual([
        { __typename: 'ProcessJob', id: 'job-x' },
        { __typename: 'ProcessGroup', id: 'group-x' },
      ]);
      expect(data.process.raw).toEqual(process);
    }
    expect(t.gateway.app.fastPath!.answered.fast).toBeGreaterThan(fastBefore);
  });
});

describe('processRun tree – one walker for run and process trees', () => {
  const t = useGateway();

  it('ProcessRun.jobs skips a group whose children are not a list (as Process.jobs does), in ordinal order', async () => {
    const run = structuredClone(seedProcessRun);
    const job = run.root.children!.find((child) => child.type === 'job')!.jobRun!;
    const group = { ...run.root, id: 'group-bad', ordinal: 0, children: { not: 'a list' } };
    run.root.children = [
      { type: 'job', jobRun: { ...job, id: 'job-2', ordinal: 2 } },
      { type: 'group', groupRun: group },
      { type: 'job', jobRun: { ...job, id: 'job-1', ordinal: 1 } },
    ] as unknown as typeof run.root.children;
    t.upstream.onRun(run.id, (_request, response) => json(response, 200, run));
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `query($id: ID!) { processRun(id: $id) { jobs { id } root { children { __typename ... on GroupRun { children { __typename } } } } } }`,
        { id: run.id },
      ),
    );
    expect(data.processRun.jobs).toEqual([{ id: 'job-1' }, { id: 'job-2' }]);
    expect(data.processRun.root.children).toEqual([
      { __typename: 'JobRun' },
      { __typename: 'GroupRun', children: [] },
      { __typename: 'JobRun' },
    ]);
  });
});
