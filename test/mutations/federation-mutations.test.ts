import { subgraphSdl } from '../../src/schema/subgraph-sdl';
import { compose } from '../harness/federation/supergraph';
import { USERS_SUBGRAPH_SDL } from '../harness/federation/users-subgraph';

describe('federation – the mutations are part of the subgraph', () => {
  it('compose with the users subgraph; the supergraph routes every mutation to this subgraph', () => {
    const composed = compose([
      { name: 'process-runs', url: 'http://127.0.0.1:1/graphql', sdl: subgraphSdl() },
      { name: 'users', url: 'http://127.0.0.1:2/graphql', sdl: USERS_SUBGRAPH_SDL },
    ]);
    expect(composed.errors).toBeUndefined();
    const supergraph = composed.supergraphSdl!;
    expect(supergraph).toMatch(/type Mutation\s+@join__type\(graph: PROCESS_RUNS\)/);
    for (const field of ['runProcess', 'addJobRuns', 'createProcess', 'renameProcessItems', 'trashProcess'])
      expect(supergraph).toContain(`  ${field}(`);
    for (const input of [
      'JobRunInput',
      'JobArgumentsInput',
      'CreateProcessInput',
      'ProcessNodeInput',
      'RenameInput',
      'JobRunPlacement',
    ]) {
      expect(supergraph).toContain(`input ${input}`);
    }
  });
});
