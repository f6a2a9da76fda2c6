import type {
  // The JobArguments union family in one file (its members share one field set). Twin of job-metadata.ts: both map through the
  // one generic helpers/variant.ts (upstream `type` → key → member, Unknown* on anything else); only data differs (the
  // table, the members' fields), which is why they stay two files rather than one parameterised one.
  ContentRequestArgumentsResolvers,
  JobArgumentsResolvers,
  ResolversTypes,
  ResolversUnionTypes,
  SendTaskArgumentsResolvers,
  TaskJobArgumentsResolvers,
} from '../generated/resolvers-types';
import type { UpstreamDriftReporter } from '../upstream/upstream-drift';
import type { UpstreamVariant } from '../upstream/types';
import { toAssignee, toDocument } from './helpers/entity-refs';
import { resolveVariant, type VariantTable } from './helpers/variant';

type ArgumentsTypename = Exclude<
  ResolversUnionTypes<ResolversTypes>['JobArguments']['__typename'],
  'UnknownJobArguments'
>;

// The documented `arguments` keys. The conditional approver has no key of its own in the docs; it is read as
// `certApproverArgs` and falls back to UnknownJobArguments when that key is absent.
export const JOB_ARGUMENTS: VariantTable<ArgumentsTypename> = {
  sendTask: { key: 'sendTaskArgs', typename: 'SendTaskArguments' },
  contentRequest: { key: 'contentRequestArgs', typename: 'ContentRequestArguments' },
  certification: { key: 'certificationArgs', typename: 'CertificationArguments' },
  certificationSignerGenerated: { key: 'certSignerArgs', typename: 'CertSignerArguments' },
  certificationApproverGenerated: { key: 'certApproverArgs', typename: 'CertApproverArguments' },
  certificationConditionalApproverGenerated: { key: 'certApproverArgs', typename: 'CertApproverArguments' },
  certificationPhaseFinalizerGenerated: { key: 'certPhaseFinalizerArgs', typename: 'CertPhaseFinalizerArguments' },
};

export function toJobArguments(args: UpstreamVariant | null | undefined, drift: UpstreamDriftReporter) {
  return resolveVariant(args, JOB_ARGUMENTS, 'UnknownJobArguments', drift, 'job-arguments');
}

/** Shared by every known arguments type: they differ only in name (and whether `approver` is asked for). */
const taskArgumentsFields: SendTaskArgumentsResolvers = {
  assignee: ({ value }, _args, { drift }) => toAssignee(value.assignee ?? value.assigneeUser, drift),
  document: ({ value }) => toDocument(value.document),
  title: ({ value }) => (typeof value.title === 'string' ? value.title : null),
  raw: ({ value }) => value,
};

const withApprover: ContentRequestArgumentsResolvers = {
  ...taskArgumentsFields,
  approver: ({ value }, _args, { drift }) => toAssignee(value.approver ?? value.approverUser, drift),
};

export const jobArgumentsResolvers = {
  SendTaskArguments: taskArgumentsFields,
  ContentRequestArguments: withApprover,
  CertificationArguments: taskArgumentsFields,
  CertSignerArguments: taskArgumentsFields,
  CertApproverArguments: withApprover,
  CertPhaseFinalizerArguments: taskArgumentsFields,
  UnknownJobArguments: {},
  JobArguments: { __resolveType: (parent) => parent.__typename } satisfies JobArgumentsResolvers,
  // Only ever reached through JobArguments, whose members carry their __typename.
  TaskJobArguments: {
    __resolveType: (parent) => parent.__typename as ArgumentsTypename,
  } satisfies TaskJobArgumentsResolvers,
};
