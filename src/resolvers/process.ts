import type { ProcessResolvers } from '../generated/resolvers-types';
import type { GatewayContext } from './resolver-context';
import { checkArgumentId } from '../validation/ids';
import type { UpstreamProcess } from '../upstream/process-types';
import type { UpstreamAuditStamp } from '../upstream/types';
import { toDayOfWeek } from './helpers/enums';
import { processParent, type ProcessParent } from './process-parents';
import { resolveCurrentRun } from './helpers/process-current-run';
import { collectProcessJobs } from './helpers/process-tree';
import { booleanOrNull, objectOrNull, stringOrNull } from './helpers/upstream-values';

/** The field's value from the process body; a parent that holds only the id loads the body first (one call per request). */
function read<T>(
  parent: ProcessParent,
  context: GatewayContext,
  pick: (process: UpstreamProcess) => T,
): T | Promise<T> {
  if (parent.upstream) return pick(parent.upstream);
  return context.loaders.process.load({ id: parent.id, excludeGeneratedJobs: parent.excludeGeneratedJobs }).then(pick);
}

export const Process: ProcessResolvers = {
  // Federation `_entities`: the same per-request loader as Query.process. async: a bad id fails its entry only.
  __resolveReference: async ({ id }, { loaders }) => {
    checkArgumentId(id, 'process');
    return processParent(await loaders.process.load({ id, excludeGeneratedJobs: false }));
  },
  name: (parent, _args, context) => read(parent, context, ({ name }) => name),
  dueDate: (parent, _args, context) => read(parent, context, ({ dueDate }) => stringOrNull(dueDate)),
  businessStartDate: (parent, _args, context) =>
    read(parent, context, ({ businessStartDate }) => stringOrNull(businessStartDate)),
  businessDaysOfWeek: (parent, _args, context) =>
    read(parent, context, ({ businessDaysOfWeek: days }) =>
      Array.isArray(days) ? days.map((day) => toDayOfWeek(day, context.drift)) : [],
    ),
  autoClose: (parent, _args, context) => read(parent, context, ({ autoClose }) => booleanOrNull(autoClose)),
  certAutoApprove: (parent, _args, context) =>
    read(parent, context, ({ certAutoApprove }) => booleanOrNull(certAutoApprove)),
  relativeDates: (parent, _args, context) => read(parent, context, ({ relativeDates }) => booleanOrNull(relativeDates)),
  created: (parent, _args, context) =>
    read(parent, context, ({ created }) => objectOrNull<UpstreamAuditStamp>(created)),
  modified: (parent, _args, context) =>
    read(parent, context, ({ modified }) => objectOrNull<UpstreamAuditStamp>(modified)),
  root: (parent, _args, context) => read(parent, context, ({ root }) => objectOrNull(root)),
  jobs: (parent, _args, context) => read(parent, context, ({ root }) => collectProcessJobs(objectOrNull(root))),
  run: async (parent, _args, context, info) => {
    const process = await read(parent, context, (body) => body);
    return resolveCurrentRun(process, parent.excludeGeneratedJobs, context, info);
  },
  raw: (parent, _args, context) => read(parent, context, (body) => body),
};
