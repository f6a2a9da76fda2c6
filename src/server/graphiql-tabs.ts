// The tabs GraphiQL opens with. With the demo: its runs from every angle, the live run (a subscription), then one
// "Errors" tab holding one operation per demo error id (pick it with the run button), then one processes tab and
// one mutations tab. With a real upstream: one tab, no demo ids.
// Short operation names keep the tab bar readable; comment lines stay under 80 columns so no tab scrolls sideways.
// Every tab is validated against the schema in test/http/graphiql-explorer.test.ts.
import { DEMO_ERROR_SCENARIOS } from '../demo/demo-errors';
import { LIVE_DEMO_RUN_ID } from '../demo/fixtures/live-run';
import { MUTATIONS_TAB } from './graphiql-mutation-tabs';
import { PROCESSES_TAB } from './graphiql-process-tabs';

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

const generatedJobsOperation = (operation: string, exclude: boolean): string => `query ${operation} {
  processRun(id: "processrun-cert-001", excludeGeneratedJobs: ${exclude}) {
    name
    statusCounts { status count }
    jobs { id action actionStatus }
  }
}`;

// The certification run three ways in one tab (pick one with the run button's
// menu), so the tab bar stays at 8.
const certJobsTab: GraphiQLTab = {
  query: `${jobsTab('CertJobs', 'Job variant certification and its generated signer/approver jobs.', 'processrun-cert-001').query}
# excludeGeneratedJobs: false keeps the certification's generated
# signer/approver/finalizer jobs, true leaves them out; statusCounts still
# counts them (whole run). Run both with the run button's menu to compare.
${generatedJobsOperation('WithGenerated', false)}

${generatedJobsOperation('WithoutGenerated', true)}
`,
};

// Subscriptions run over SSE from GraphiQL (Yoga's default); the demo run finishes a job every few seconds.
const liveTab: GraphiQLTab = {
  query: `# Live: the run now, then every change, until it completes (docs/live-runs.md).
# Press run and watch the result change: a job finishes every 3 s, and the
# subscription ends by itself once the run is COMPLETE. Runs started in the
# StartRun tab move the same way: put their id here to watch one.
subscription WatchLiveRun {
  processRunUpdated(id: "${LIVE_DEMO_RUN_ID}") {
    id
    name
    status
    revision
    statusCounts { status count }
    jobs { id status actionStatus }
  }
}
`,
};

const operationName = (id: string): string =>
  id.replace(/^demo-/, '').replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

/** `text` as `# ` comment lines of at most 80 columns. */
function comment(text: string): string {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 80 && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line].join('\n');
}

const errorOperation = ({ id, gatewayCode, summary }: (typeof DEMO_ERROR_SCENARIOS)[number]): string => `${comment(`${gatewayCode}: ${summary}.`)}
query ${operationName(id)} {
  processRun(id: "${id}") { id name }
}
`;

const errorsTab: GraphiQLTab = {
  query: `# One operation per error the demo upstream can cause: pick one with the
# run button's menu. Each answers processRun: null and an errors[0] whose
# extensions.code is the one named above the operation.

${DEMO_ERROR_SCENARIOS.map(errorOperation).join('\n')}`,
};

/** The demo's tabs: they name demo-only ids, so they are offered only with the embedded demo upstream. */
export const GRAPHIQL_TABS: readonly GraphiQLTab[] = [
  treeTab('SeedTree', "The documentation's example run: its tree, groups and jobs.", SEED_RUN_ID),
  treeTab('NestedTree', 'Groups nested three deep, children out of ordinal order, one parallel.', 'processrun-nested-001'),
  jobsTab('TaskJobs', 'Job variants sendTask and contentRequest: arguments and metadata.', SEED_RUN_ID),
  certJobsTab,
  liveTab,
  errorsTab,
  PROCESSES_TAB,
  MUTATIONS_TAB,
];

/** With a real upstream: one tab that asks for the id, and no demo ids. */
export const REAL_UPSTREAM_TABS: readonly GraphiQLTab[] = [
  {
    query: `# Put a process run id in the variables, and your token in the Headers pane:
# {"Authorization": "Bearer <token>"}
query ProcessRun($id: ID!) {
  processRun(id: $id) {
    id
    name
    status
    dueDate
    statusCounts { status count }
    jobs { id action actionStatus }
  }
}
`,
    variables: JSON.stringify({ id: '' }, null, 2),
  },
];
