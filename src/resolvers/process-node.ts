import type { ProcessNodeResolvers } from '../generated/resolvers-types';
import { processNodes } from './helpers/process-tree';

export const ProcessNode: ProcessNodeResolvers = {
  __resolveType: (parent) => processNodes.typenameOf(parent),
};
