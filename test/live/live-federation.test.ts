import { compositionHasErrors } from '@theguild/federation-composition';
import { subgraphSdl } from '../../src/schema/subgraph-sdl';
import { compose } from '../harness/federation/supergraph';
import { USERS_SUBGRAPH_SDL } from '../harness/federation/users-subgraph';

describe('processRunUpdated in federation', () => {
  it('is in the subgraph SDL and the supergraph composes with it', () => {
    const sdl = subgraphSdl();
    expect(sdl).toMatch(/type Subscription \{[\s\S]*processRunUpdated\(\s*[\s\S]*id: ID!/);
    const composed = compose([
      { name: 'process-runs', url: 'http://process-runs.invalid/graphql', sdl },
      { name: 'users', url: 'http://users.invalid/graphql', sdl: USERS_SUBGRAPH_SDL },
    ]);
    if (compositionHasErrors(composed)) throw new Error(composed.errors.map((error) => error.message).join('\n'));
    expect(composed.supergraphSdl).toMatch(/subscription: Subscription/);
    expect(composed.supergraphSdl).toMatch(
      /type Subscription @join__type\(graph: PROCESS_RUNS\)[\s\S]*processRunUpdated\(/,
    );
  });
});
