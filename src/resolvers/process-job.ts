import type { ProcessJobResolvers } from '../generated/resolvers-types';
import type { UpstreamVariant } from '../upstream/types';
import { toJobAction } from './helpers/enums';
import { toJobArguments } from './job-arguments';
import { booleanOrNull, integerOrNull, objectOrNull, stringOrNull } from './helpers/upstream-values';

export const ProcessJob: ProcessJobResolvers = {
  id: ({ id }) => stringOrNull(id),
  name: ({ name }) => stringOrNull(name),
  // The create example sends no `action` on a job: absent is null, an unknown value is UNKNOWN.
  action: ({ action }, _args, { drift }) =>
    action === undefined || action === null ? null : toJobAction(action, drift),
  triggerType: ({ triggerType }) => stringOrNull(triggerType),
  ordinal: ({ ordinal }) => integerOrNull(ordinal),
  readOnly: ({ readOnly }) => booleanOrNull(readOnly),
  // The same JobArguments types (and Unknown fallback) as JobRun.arguments.
  arguments: ({ arguments: args }, _args, { drift }) => toJobArguments(objectOrNull<UpstreamVariant>(args), drift),
};
