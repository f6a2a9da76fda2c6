import type { QueryResolvers } from '../generated/resolvers-types';
import { assertValidProcessRunId } from '../upstream/process-run-id';

export const Query: QueryResolvers = {
  processRun: (_parent, { id, excludeGeneratedJobs }, { loaders }) => {
    assertValidProcessRunId(id);
    return loaders.processRun.load({ id, excludeGeneratedJobs: excludeGeneratedJobs ?? false });
  },
};
