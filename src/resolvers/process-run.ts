import type { ProcessRunResolvers } from '../generated/resolvers-types';
import { assertValidProcessRunId } from '../upstream/process-run-id';
import { toDayOfWeek, toRunStatus } from './enums';
import { collectJobs } from './run-tree';
import { statusCountList } from './status-counts';

export const ProcessRun: ProcessRunResolvers = {
  // Federation `_entities`: the same per-request loader as Query.processRun, so representations are deduped.
  // async: an invalid id rejects this entry only instead of throwing out of the whole `_entities` list.
  __resolveReference: async ({ id }, { loaders }) => {
    assertValidProcessRunId(id);
    return loaders.processRun.load({ id, excludeGeneratedJobs: false });
  },
  status: ({ status }, _args, { drift }) => toRunStatus(status, drift),
  process: ({ process }) => ({ id: process }),
  dueDate: ({ dueDate }) => dueDate ?? null,
  businessDaysOfWeek: ({ businessDaysOfWeek }, _args, { drift }) => businessDaysOfWeek.map((day) => toDayOfWeek(day, drift)),
  statusCounts: ({ statusCounts }) => statusCountList(statusCounts),
  jobs: ({ root }) => collectJobs(root),
};
