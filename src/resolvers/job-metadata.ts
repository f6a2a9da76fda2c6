import type {
  // The JobMetadata union family in one file (its members share one field set). Twin of job-arguments.ts: both map through the
  // one generic helpers/variant.ts (upstream `type` → key → member, Unknown* on anything else); only data differs (the
  // table, the members' fields), which is why they stay two files rather than one parameterised one.
  JobMetadataResolvers,
  ResolversTypes,
  ResolversUnionTypes,
  SendTaskMetadataResolvers,
  TaskJobMetadataResolvers,
} from '../generated/resolvers-types';
import type { UpstreamDriftReporter } from '../upstream/upstream-drift';
import type { UpstreamVariant } from '../upstream/types';
import { toTaskStatus } from './helpers/enums';
import { toEntityRef } from './helpers/entity-refs';
import { resolveVariant, type VariantTable } from './helpers/variant';

type MetadataTypename = Exclude<ResolversUnionTypes<ResolversTypes>['JobMetadata']['__typename'], 'UnknownJobMetadata'>;

// The documented `metadata` keys. The phase finalizer has none documented: it resolves to UnknownJobMetadata.
export const JOB_METADATA: VariantTable<MetadataTypename> = {
  sendTask: { key: 'sendTaskMetadata', typename: 'SendTaskMetadata' },
  contentRequest: { key: 'contentRequestMetadata', typename: 'ContentRequestMetadata' },
  certification: { key: 'certificationMetadata', typename: 'CertificationMetadata' },
  certificationSignerGenerated: { key: 'certSignerMetadata', typename: 'CertSignerMetadata' },
  certificationApproverGenerated: { key: 'certApproverMetadata', typename: 'CertApproverMetadata' },
  certificationConditionalApproverGenerated: {
    key: 'certConditionalApproverMetadata',
    typename: 'CertConditionalApproverMetadata',
  },
};

export function toJobMetadata(metadata: UpstreamVariant | null | undefined, drift: UpstreamDriftReporter) {
  return resolveVariant(metadata, JOB_METADATA, 'UnknownJobMetadata', drift, 'job-metadata');
}

const optionalBoolean = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/** Shared by every known metadata type: all describe the Workiva task the job created. */
const taskMetadataFields: SendTaskMetadataResolvers = {
  cancelCleanupComplete: ({ value }) => optionalBoolean(value.cancelCleanupComplete),
  permalink: ({ value }) => (typeof value.permalink === 'string' ? value.permalink : null),
  status: ({ value }, _args, { drift }) => (value.status === undefined ? null : toTaskStatus(value.status, drift)),
  task: ({ value }) => toEntityRef(value.task),
  taskCancelled: ({ value }) => optionalBoolean(value.taskCancelled),
  taskCancelledNotificationSent: ({ value }) => optionalBoolean(value.taskCancelledNotificationSent),
  raw: ({ value }) => value,
};

export const jobMetadataResolvers = {
  SendTaskMetadata: taskMetadataFields,
  ContentRequestMetadata: taskMetadataFields,
  CertificationMetadata: taskMetadataFields,
  CertSignerMetadata: taskMetadataFields,
  CertApproverMetadata: taskMetadataFields,
  CertConditionalApproverMetadata: taskMetadataFields,
  UnknownJobMetadata: {},
  JobMetadata: { __resolveType: (parent) => parent.__typename } satisfies JobMetadataResolvers,
  // Only ever reached through JobMetadata, whose members carry their __typename.
  TaskJobMetadata: {
    __resolveType: (parent) => parent.__typename as MetadataTypename,
  } satisfies TaskJobMetadataResolvers,
};
