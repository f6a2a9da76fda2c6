import type { JobRunResolvers } from '../generated/resolvers-types';
import { toActionStatus, toJobAction, toRunStatus } from './helpers/enums';
import { toJobArguments } from './job-arguments';
import { toJobMetadata } from './job-metadata';

export const JobRun: JobRunResolvers = {
  status: ({ status }, _args, { drift }) => toRunStatus(status, drift),
  action: ({ action }, _args, { drift }) => toJobAction(action, drift),
  actionStatus: ({ actionStatus }, _args, { drift }) => toActionStatus(actionStatus, drift),
  arguments: ({ arguments: args }, _args, { drift }) => toJobArguments(args, drift),
  metadata: ({ metadata }, _args, { drift }) => toJobMetadata(metadata, drift),
};
