import type { RunNodeResolvers } from '../generated/resolvers-types';
import { runNodes } from './helpers/run-tree';

export const RunNode: RunNodeResolvers = {
  __resolveType: (parent) => runNodes.typenameOf(parent),
};
