// The tabs GraphiQL opens with on the demo: run trees, job variants, the live run (a subscription), one "Errors"
// tab holding one operation per demo error id, one "Processes" tab and one "Mutations" tab (pick an operation with
// the run button). The ids come from the demo through app.ts. An operation that demonstrates an error has an
// `# expect: <CODE>` line right above it; the browser test runs every operation and checks it.
import { comment, expectLine, multiOperationTab, type GraphiQLDemoIds, type GraphiQLTab } from './graphiql-tab';
import { mutationsTab } from './mutations-tab';
import { processesTab } from './processes-tab';

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

const treeOperation = (operation: string, note: string, id: string): string => `${comment(note)}
query ${operation} {
  processRun(id: "${id}") {
    id
    name
    status
    dueDate
    statusCounts { status count }
    ${TREE_SELECTION}
  }
}`;

// Both operations use both fragments, so each runs as GraphiQL sends it (the operation plus every fragment).
const treesTab = (seedRunId: string, nestedRunId: string): GraphiQLTab => ({
  query: `${comment("Trees: two runs' trees, pick one from the run button's menu.")}

${treeOperation('Trees', "The documentation's example run: its tree, groups and jobs.", seedRunId)}

${treeOperation('NestedTree', 'Groups nested three deep, children out of ordinal order, one parallel.', nestedRunId)}
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

const jobsOperation = (operation: string, note: string, id: string): string => `${comment(note)}
query ${operation} {
  processRun(id: "${id}") {
    name
    ${JOB_VARIANT_SELECTION}
  }
}`;

const generatedJobsOperation = (operation: string, id: string, exclude: boolean): string => `query ${operation} {
  processRun(id: "${id}", excludeGeneratedJobs: ${exclude}) {
    name
    statusCounts { status count }
    jobs { id action actionStatus }
  }
}`;

// The job variants in one tab: the seed run's task jobs, then the certification run three ways (pick one from the
// run button's menu), so the tab bar fits at 1280 px with the docs pane open.
const jobsTab = (seedRunId: string, certificationRunId: string): GraphiQLTab =>
  multiOperationTab(comment("Jobs: four operations, pick one from the run button's menu."), [
    {
      query: jobsOperation(
        'Jobs',
        'Job variants sendTask and contentRequest of the seed run: arguments and metadata.',
        seedRunId,
      ),
    },
    {
      query: jobsOperation(
        'CertJobs',
        'Job variant certification and its generated signer/approver jobs.',
        certificationRunId,
      ),
    },
    {
      query: `${comment('excludeGeneratedJobs: false keeps the generated signer/approver/finalizer jobs, true leaves them out; statusCounts still counts them (whole run). Run both to compare.')}
${generatedJobsOperation('WithGenerated', certificationRunId, false)}`,
    },
    { query: generatedJobsOperation('WithoutGenerated', certificationRunId, true) },
  ]);

// Subscriptions run over SSE from GraphiQL (Yoga's default); the demo run finishes a job every few seconds.
const liveTab = (id: string): GraphiQLTab => ({
  query: `${comment('Live: the run now, then every change, until it completes (docs/live-runs.md). Press run and watch the result change: a job finishes every 3 s, the subscription ends by itself once the run is COMPLETE, and the next watcher sees it start over. Runs started in the Mutations tab move the same way: put their id here to watch one.')}
subscription Live {
  processRunUpdated(id: "${id}") {
    id
    name
    status
    revision
    statusCounts { status count }
    jobs { id status actionStatus }
  }
}
`,
});

const operationName = (id: string): string =>
  id.replace(/^demo-/, '').replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

const errorOperation = ({ id, gatewayCode, summary }: GraphiQLDemoIds['errors'][number]): GraphiQLTab => ({
  query: `${comment(`${summary}.`)}
${expectLine(gatewayCode)}
query ${operationName(id)} {
  processRun(id: "${id}") { id name }
}`,
});

// Its first operation names the tab: an id the gateway itself refuses, before any upstream call.
const errorsTab = (errors: GraphiQLDemoIds['errors']): GraphiQLTab =>
  multiOperationTab(
    comment(
      "One operation per error the demo upstream can cause: pick one from the run button's menu. Each answers processRun: null and errors[0].extensions.code as in its `# expect:` line.",
    ),
    [
      {
        query: `${comment('An empty id: the gateway refuses it before calling the upstream.')}
${expectLine('BAD_USER_INPUT')}
query Errors {
  processRun(id: "") { id name }
}`,
      },
      ...errors.map(errorOperation),
    ],
  );

/** The demo's tabs: they name demo-only ids, so they are offered only with the embedded demo upstream. */
export function demoTabs(ids: GraphiQLDemoIds): readonly GraphiQLTab[] {
  return [
    treesTab(ids.seedRunId, ids.nestedRunId),
    jobsTab(ids.seedRunId, ids.certificationRunId),
    liveTab(ids.liveRunId),
    errorsTab(ids.errors),
    processesTab(ids),
    mutationsTab(ids),
  ];
}
