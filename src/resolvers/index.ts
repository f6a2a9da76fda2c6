import type { Resolvers } from '../generated/resolvers-types';
import { Assignee } from './assignee';
import { AuditStamp } from './audit-stamp';
import { ProcessGroup } from './process-group';
import { GroupRun } from './group-run';
import { ProcessJob } from './process-job';
import { jobArgumentsResolvers } from './job-arguments';
import { jobMetadataResolvers } from './job-metadata';
import { JobRun } from './job-run';
import { Mutation } from './mutation';
import { Process } from './process';
import { ProcessNode } from './process-node';
import { ProcessRun } from './process-run';
import { Query } from './query';
import { RunNode } from './run-node';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars';
import { StatusCount } from './status-count';
import { Subscription } from './subscription';

// Types not listed here (User, Document, Task, UnknownRunNode, UnknownProcessNode, the connection types, UnknownAssignee, the Unknown variants)
// resolve by default: their parents already have the schema's field names.
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query,
  Mutation,
  Subscription,
  ProcessRun,
  GroupRun,
  JobRun,
  StatusCount,
  AuditStamp,
  Assignee,
  RunNode,
  Process,
  ProcessGroup,
  ProcessJob,
  ProcessNode,
  ...jobArgumentsResolvers,
  ...jobMetadataResolvers,
};
