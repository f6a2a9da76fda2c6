import type { QueryResolvers } from '../generated/resolvers-types';
import { checkArgumentId } from '../validation/ids';
import { processQueries } from './process-queries';

export const Query: QueryResolvers = {
  ...processQueries,
  processRun: (_parent, { id, excludeGeneratedJobs }, { loaders }) => {
    checkArgumentId(id, 'process run');
    return loaders.processRun.load({ id, excludeGeneratedJobs: excludeGeneratedJobs ?? false });
  },
};
