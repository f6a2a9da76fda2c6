import type { GroupRunResolvers } from '../generated/resolvers-types';
import { toRunStatus } from './helpers/enums';
import { toRunNode } from './helpers/run-tree';
import { statusCountList } from './helpers/status-count-list';
import { listOrEmpty } from './helpers/tree-walk';

export const GroupRun: GroupRunResolvers = {
  status: ({ status }, _args, { drift }) => toRunStatus(status, drift),
  children: ({ children }, _args, { drift }) => listOrEmpty(children).map((child) => toRunNode(child, drift)),
  statusCounts: ({ statusCounts }) => (statusCounts === undefined ? null : statusCountList(statusCounts)),
};
