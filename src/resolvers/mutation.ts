import type { MutationResolvers } from '../generated/resolvers-types';
import { performWrite } from '../writes/perform-write';
import { toUpstreamProcessCreate } from './helpers/mutation-inputs/create-process-input';
import { checkId } from '../validation/input-rules';
import { toJobRunsPlacement, toUpstreamJobRuns } from './helpers/mutation-inputs/job-runs-input';
import { toUpstreamBatchUpdates } from './helpers/mutation-inputs/renames-input';
import { processParent } from './process-parents';

// Each mutation: check the target id, check and convert the input, one upstream call. performWrite logs, counts,
// maps errors (with extensions.outcome) and clears the loaders' view of the target.
export const Mutation: MutationResolvers = {
  runProcess: (_parent, { processId, sendProcessCompleteEmail }, context) =>
    performWrite(
      context,
      { name: 'runProcess', resource: 'process' },
      () => ({ id: checkId(processId, 'processId'), processId }),
      () => context.writes.runProcess(processId, sendProcessCompleteEmail == null ? {} : { sendProcessCompleteEmail }),
      (run) => run.id,
    ),

  addJobRuns: (_parent, { processRunId, jobs, placement }, context) =>
    performWrite(
      context,
      { name: 'addJobRuns', resource: 'process run' },
      () => ({ id: checkId(processRunId, 'processRunId'), processRunId }),
      () => context.writes.addJobRuns(processRunId, toUpstreamJobRuns(jobs), toJobRunsPlacement(placement)),
    ),

  createProcess: (_parent, { input }, context) =>
    performWrite(
      context,
      { name: 'createProcess', resource: 'process' },
      () => ({ id: null }),
      async () => processParent(await context.writes.createProcess(toUpstreamProcessCreate(input))),
      (process) => process.id,
    ),

  renameProcessItems: (_parent, { processId, renames }, context) =>
    performWrite(
      context,
      { name: 'renameProcessItems', resource: 'process' },
      () => ({ id: checkId(processId, 'processId'), processId }),
      async () => processParent(await context.writes.batchUpdateProcess(processId, toUpstreamBatchUpdates(renames))),
    ),

  trashProcess: (_parent, { processId }, context) =>
    performWrite(
      context,
      { name: 'trashProcess', resource: 'process' },
      () => ({ id: checkId(processId, 'processId'), processId }),
      async () => {
        await context.writes.trashProcess(processId);
        return processId;
      },
    ),
};
