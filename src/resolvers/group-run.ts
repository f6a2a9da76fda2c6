import type { GroupRunResolvers } from '../generated/resolvers-types';
import { toRunStatus } from './enums';
import { toRunNode } from './run-tree';
import { statusCountList } from './status-counts';

export const GroupRun: GroupRunResolvers = {
  status: ({ status }, _args, { drift }) => toRunStatus(status, drift),
  children: ({ children }, _args, { drift }) => (children ?? []).map((child) => toRunNode(child, drift)),
  statusCounts: ({ statusCounts }) => (statusCounts === undefined ? null : statusCountList(statusCounts)),
};
