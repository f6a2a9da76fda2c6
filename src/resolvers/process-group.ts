import type { ProcessGroupResolvers } from '../generated/resolvers-types';
import { childrenOf, toProcessNode } from './helpers/process-tree';
import { booleanOrNull, integerOrNull, stringOrNull } from './helpers/upstream-values';

export const ProcessGroup: ProcessGroupResolvers = {
  id: ({ id }) => stringOrNull(id),
  name: ({ name }) => stringOrNull(name),
  parallel: ({ parallel }) => booleanOrNull(parallel),
  readOnly: ({ readOnly }) => booleanOrNull(readOnly),
  triggerType: ({ triggerType }) => stringOrNull(triggerType),
  ordinal: ({ ordinal }) => integerOrNull(ordinal),
  parent: ({ parent }) => stringOrNull(parent),
  children: (group, _args, { drift }) => childrenOf(group).map((child) => toProcessNode(child, drift)),
};
