import type { StatusCountResolvers } from '../generated/resolvers-types';
import { toActionStatus } from './helpers/enums';

export const StatusCount: StatusCountResolvers = {
  status: ({ status }, _args, { drift }) => toActionStatus(status, drift),
  upstreamStatus: ({ status }) => status,
  count: ({ count }) => count,
};
