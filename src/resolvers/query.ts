import type { QueryResolvers } from '../generated/resolvers-types';
import { assertValidProcessRunId } from '../upstream/process-run-id';
import { processQueries } from './process-queries';

export const Query: QueryResolvers = {
  ...processQueries,
  processRun: (_parent, { id, excludeGeneratedJobs }, { loaders }) => {
    assertValidProcessRunId(id);
    return loaders.processRun.load({ id, excludeGeneratedJobs: excludeGeneratedJobs ?? false });
  },
};
