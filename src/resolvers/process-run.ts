import type { ProcessRunResolvers } from '../generated/resolvers-types';
import { mapUpstreamFailure } from '../errors/map-upstream-failure';
import { checkArgumentId, idProblem } from '../validation/ids';
import { toDayOfWeek, toRunStatus } from './helpers/enums';
import { processParent } from './process-parents';
import { collectJobs } from './helpers/run-tree';
import { selectedFieldNames } from './helpers/selection';
import { statusCountList } from './helpers/status-count-list';

export const ProcessRun: ProcessRunResolvers = {
  // Federation `_entities`: the same per-request loader as Query.processRun, so representations are deduped.
  // async: an invalid id rejects this entry only instead of throwing out of the whole `_entities` list.
  __resolveReference: async ({ id }, { loaders }) => {
    checkArgumentId(id, 'process run');
    return loaders.processRun.load({ id, excludeGeneratedJobs: false });
  },
  status: ({ status }, _args, { drift }) => toRunStatus(status, drift),
  // Only `id` asked: known from the run, no call. Anything more: GET /processes/{id} through the per-request loader.
  process: async ({ process }, _args, { loaders }, info) => {
    const fields = selectedFieldNames(info);
    if (fields.size === 0 || (fields.size === 1 && fields.has('id')))
      return { id: process, upstream: null, excludeGeneratedJobs: false };
    const problem = idProblem(process);
    if (problem)
      throw mapUpstreamFailure({ kind: 'bad-response', reason: `the run's process id ${problem}`, status: 200 });
    return processParent(await loaders.process.load({ id: process, excludeGeneratedJobs: false }));
  },
  dueDate: ({ dueDate }) => dueDate ?? null,
  businessDaysOfWeek: ({ businessDaysOfWeek }, _args, { drift }) =>
    businessDaysOfWeek.map((day) => toDayOfWeek(day, drift)),
  statusCounts: ({ statusCounts }) => statusCountList(statusCounts),
  jobs: ({ root }) => collectJobs(root),
};
