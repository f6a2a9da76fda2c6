import type { UpstreamProcessRun, UpstreamRunNodeWrapper } from '../../src/upstream/types';
import { auditStamp, groupNode, sendTaskJob } from '../../src/demo/fixtures/builders';

// Operations built from parameters (size, depth, count), for the limit and budget suites; fixed test operations
// live in test/operations/*.graphql instead.

// What a real client asks for at every level of a run tree: the group, its jobs with every field and each
// argument/metadata variant. The operation limits' defaults are measured against this query.
const JOB_FIELDS = /* GraphQL */ `
  ... on JobRun {
    __typename id job ordinal readOnly status action actionStatus
    arguments {
      __typename
      ... on TaskJobArguments { title raw document { id } assignee { __typename ... on User { id } ... on UnknownAssignee { type raw } } }
      ... on ContentRequestArguments { approver { __typename ... on User { id } ... on UnknownAssignee { type raw } } }
      ... on CertApproverArguments { approver { __typename ... on User { id } } }
      ... on UnknownJobArguments { type raw }
    }
    metadata {
      __typename
      ... on TaskJobMetadata {
        cancelCleanupComplete permalink status task { id } taskCancelled taskCancelledNotificationSent raw
      }
      ... on UnknownJobMetadata { type raw }
    }
  }
  ... on UnknownRunNode { type raw }
`;

// `ordinal` is Int! on JobRun and Int on GroupRun: both in one selection need an alias, as a real client's would.
const GROUP_FIELDS = 'id name parallel readOnly status active groupOrdinal: ordinal parent revision triggerType';

/** `root { children { ... on GroupRun { children { ... } } } }`, `groupLevels` groups deep (root counts as one). */
export function processTreeQuery(groupLevels: number): string {
  let children = `children { ${JOB_FIELDS} }`;
  for (let level = 1; level < groupLevels; level++) {
    children = `children { ${JOB_FIELDS} ... on GroupRun { __typename ${GROUP_FIELDS} ${children} } }`;
  }
  return /* GraphQL */ `
    query ProcessTree($id: ID!) {
      processRun(id: $id) {
        id name status revision process { id } dueDate
        created { dateTime user { id } }
        modified { dateTime user { id } }
        statusCounts { status upstreamStatus count }
        root { ${GROUP_FIELDS} statusCounts { status count } ${children} }
        jobs { id status }
      }
    }
  `;
}

/** An upstream run whose tree nests groups `groupLevels` deep, with one job at each level. */
export function deepRun(id: string, groupLevels: number): UpstreamProcessRun {
  let children: UpstreamRunNodeWrapper[] = [
    sendTaskJob(`job-${groupLevels}`, 0, 'Leaf', 'running', 'Running', 'user-a'),
  ];
  for (let level = groupLevels - 1; level >= 1; level--) {
    children = [
      sendTaskJob(`job-${level}`, 0, `Level ${level}`, 'running', 'Running', 'user-a'),
      groupNode({
        id: `group-${level + 1}`,
        name: `Level ${level + 1}`,
        ordinal: 1,
        parallel: false,
        status: 'running',
        parent: `group-${level}`,
        children,
      }),
    ];
  }
  return {
    id,
    name: 'Deep run',
    status: 'running',
    revision: 1,
    process: 'process-deep',
    autoClose: false,
    certAutoApprove: false,
    relativeDates: false,
    ipmBetaEnabled: false,
    iwmOptOut: false,
    businessDaysOfWeek: ['monday'],
    created: auditStamp('2025-01-06T09:00:00Z', 'user-a'),
    modified: auditStamp('2025-01-06T09:00:00Z', 'user-a'),
    statusCounts: { Running: groupLevels },
    root: { id: 'group-1', name: 'Level 1', parallel: false, readOnly: false, status: 'running', children },
  } as UpstreamProcessRun;
}

/** A query nested `levels` deep without fragments: processRun { root { children { ... on GroupRun { children ... } } } }. */
export function nestedQuery(levels: number): string {
  let inner = '__typename';
  for (let level = 0; level < levels; level++) inner = `children { ... on GroupRun { ${inner} } }`;
  return `{ processRun(id: "p1") { root { ${inner} } } }`;
}

/** One aliased `processRun(id) { id }` per id: `{ a0: processRun(id: "…") { id } a1: … }`. */
export function aliasesQuery(ids: string[]): string {
  return `{ ${ids.map((id, index) => `a${index}: processRun(id: "${id}") { id }`).join(' ')} }`;
}

/** `count` ids made by `id(index)`. */
export function idsOf(count: number, id: (index: number) => string): string[] {
  return Array.from({ length: count }, (_, index) => id(index));
}
