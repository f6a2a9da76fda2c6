import { seedProcessRun } from '../../src/demo/fixtures';
import { execute, expectNoErrors, json, useGateway } from '../harness';

// The union member is the gateway's decision from the wrapper's `type`, never a key the upstream object carries.
describe('processRun tree – an upstream `__typename` key does not pick the GraphQL type', () => {
  const t = useGateway();

  it('a job run and a group run that carry __typename keys of the other type resolve by their wrapper type', async () => {
    const run = structuredClone(seedProcessRun);
    const job = { ...run.root.children!.find((child) => child.type === 'job')!.jobRun!, id: 'job-x', __typename: 'GroupRun' };
    const group = { ...run.root, id: 'group-x', __typename: 'JobRun', children: [] };
    run.root.children = [
      { type: 'job', jobRun: job },
      { type: 'group', groupRun: group },
    ] as typeof run.root.children;
    t.upstream.onRun(run.id, (_request, response) => json(response, 200, run));
    const data = expectNoErrors(
      await execute(t.gateway, `query($id: ID!) { processRun(id: $id) { root { children { __typename ... on JobRun { id } ... on GroupRun { id } } } } }`, { id: run.id }),
    );
    expect(data.processRun.root.children).toEqual([
      { __typename: 'JobRun', id: 'job-x' },
      { __typename: 'GroupRun', id: 'group-x' },
    ]);
  });
});
