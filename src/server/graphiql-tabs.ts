// The tabs GraphiQL opens with: the demo runs from every angle, then one tab per error the gateway can answer.
// Every tab is validated against the schema in test/graphiql-tabs.test.ts.
import { DEMO_ERROR_SCENARIOS } from '../demo/demo-errors';
import { PROCESS_TABS } from './graphiql-process-tabs';
import { MUTATION_TABS } from './graphiql-mutation-tabs';

export interface GraphiQLTab {
  query: string;
  variables?: string;
}

export const SEED_RUN_ID = 'processrun-xyz789';

const TREE_FRAGMENTS = `
fragment GroupFields on GroupRun { id name parallel status }

fragment NodeFields on RunNode {
  __typename
  ... on GroupRun { ...GroupFields }
  ... on JobRun { id ordinal status action actionStatus }
  ... on UnknownRunNode { type raw }
}`;

// Three levels deep: enough for every demo run; add levels the same way for deeper trees.
const TREE_SELECTION = `root {
      ...GroupFields
      children {
        ...NodeFields
        ... on GroupRun {
          children {
            ...NodeFields
            ... on GroupRun { children { ...NodeFields } }
          }
        }
      }
    }`;

const treeTab = (operation: string, comment: string, id: string): GraphiQLTab => ({
  query: `# ${comment}
query ${operation} {
  processRun(id: "${id}") {
    id
    name
    status
    dueDate
    statusCounts { status count }
    ${TREE_SELECTION}
  }
}
${TREE_FRAGMENTS}
`,
});

const JOB_VARIANT_SELECTION = `jobs {
      id
      action
      actionStatus
      arguments {
        __typename
        ... on TaskJobArguments { title assignee { __typename ... on User { id } } document { id } }
        ... on ContentRequestArguments { approver { __typename ... on User { id } } }
        ... on CertApproverArguments { approver { __typename ... on User { id } } }
        ... on UnknownJobArguments { type raw }
      }
      metadata {
        __typename
        ... on TaskJobMetadata { status permalink task { id } taskCancelled }
        ... on UnknownJobMetadata { type raw }
      }
    }`;

const jobsTab = (operation: string, comment: string, id: string): GraphiQLTab => ({
  query: `# ${comment}
query ${operation} {
  processRun(id: "${id}") {
    name
    ${JOB_VARIANT_SELECTION}
  }
}
`,
});

const generatedJobsTab = (operation: string, exclude: boolean): GraphiQLTab => ({
  query: `# excludeGeneratedJobs: ${exclude} ${exclude ? 'leaves out' : 'keeps'} the certification's generated signer/approver/finalizer jobs.
# Edit the variable below to compare.
query ${operation}($excludeGeneratedJobs: Boolean!) {
  processRun(id: "processrun-cert-001", excludeGeneratedJobs: $excludeGeneratedJobs) {
    name
    statusCounts { status count }
    jobs { id action actionStatus }
  }
}
`,
  variables: JSON.stringify({ excludeGeneratedJobs: exclude }, null, 2),
});

const operationName = (id: string): string =>
  'Error' + id.replace(/^demo-/, '').replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

const errorTab = ({ id, gatewayCode, summary }: (typeof DEMO_ERROR_SCENARIOS)[number]): GraphiQLTab => ({
  query: `# Demo upstream: ${summary}.
# Expect errors[0].extensions.code = "${gatewayCode}".
query ${operationName(id)} {
  processRun(id: "${id}") {
    id
    name
  }
}
`,
});

export const GRAPHIQL_TABS: readonly GraphiQLTab[] = [
  treeTab('SeedRunTree', "The documentation's example run: its tree, groups and jobs (both RunNode members).", SEED_RUN_ID),
  treeTab('NestedGroupsTree', 'Groups nested three deep, children out of ordinal order, one group in parallel.', 'processrun-nested-001'),
  jobsTab('SendTaskAndContentRequestJobs', 'Job variants sendTask and contentRequest, with their arguments and metadata.', SEED_RUN_ID),
  jobsTab(
    'CertificationJobs',
    'Job variants certification and its generated signer, approver, conditional approver and phase finalizer.',
    'processrun-cert-001',
  ),
  generatedJobsTab('WithGeneratedJobs', false),
  generatedJobsTab('WithoutGeneratedJobs', true),
  ...DEMO_ERROR_SCENARIOS.map(errorTab),
  ...PROCESS_TABS,
  ...MUTATION_TABS,
];
