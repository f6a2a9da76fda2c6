// The GraphiQL tab for the mutations against the embedded demo upstream (its writes live in memory until
// restart): one tab (the tab bar stays at 8) holding seven operations, picked with the run button. Comment lines
// stay under 80 columns.
import { DEMO_ACTS_THEN_STALLS } from '../demo/demo-writes';
import type { GraphiQLTab } from './graphiql-tabs';

/** Each operation with its own variables (tests run them one by one, in this order). */
export const MUTATION_OPERATIONS: readonly GraphiQLTab[] = [
  {
    query: `# Starts a new run of the seed run's process. The demo moves one job on
# every 3 s: ask for processRun(id: <the returned id>) again to watch it
# advance until COMPLETE.
mutation StartRun($processId: ID!) {
  runProcess(processId: $processId) {
    id
    name
    status
    jobs { id action status actionStatus }
  }
}
`,
    variables: JSON.stringify({ processId: 'process-abc123' }, null, 2),
  },
  {
    query: `# Adds a task to the seed run, right after its first job. Run SeedTree
# again to see it in place.
mutation AddTask($processRunId: ID!, $task: SendTaskArgumentsInput!) {
  addJobRuns(
    processRunId: $processRunId
    jobs: [{ action: SEND_TASK, arguments: { sendTask: $task } }]
    placement: { relativeSiblingId: "jobrun-001", before: false }
  ) {
    id
    ordinal
    status
    arguments { ... on SendTaskArguments { title assignee { ... on User { id } } } }
  }
}
`,
    variables: JSON.stringify({ processRunId: 'processrun-xyz789', task: { title: 'Check the accruals', assignee: 'user-abc123', dueDate: '2024-12-20' } }, null, 2),
  },
  {
    query: `# Creates a process (not started): a task, then a group with a content
# request. Start it with StartRun and its id.
mutation CreateProcess($input: CreateProcessInput!) {
  createProcess(input: $input) { id }
}
`,
    variables: JSON.stringify(
      {
        input: {
          name: 'Monthly close',
          dueDate: '2025-01-31',
          businessDaysOfWeek: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
          root: {
            name: 'Root',
            children: [
              { job: { action: 'SEND_TASK', arguments: { sendTask: { title: 'Collect invoices', assignee: 'user-abc123' } } } },
              { group: { name: 'Review', children: [{ job: { action: 'CONTENT_REQUEST', arguments: { contentRequest: { title: 'Update balance sheet', assignee: 'user-abc123', approver: 'manager-ghi789', document: 'doc-balance123' } } } }] } },
            ],
          },
        },
      },
      null,
      2,
    ),
  },
  {
    query: `# Renames a job and the root group of the seed's process; the answer and
# later process reads show the new names.
mutation RenameProcessItems {
  renameProcessItems(
    processId: "process-abc123"
    renames: [
      { kind: JOB, id: "job-template-001", newName: "Review the Q4 report" }
      { kind: GROUP, id: "group-root123", newName: "Q4 workflow" }
    ]
  ) { id root { name } jobs { id name } }
}
`,
  },
  {
    query: `# Moves a process to trash; starting a run of it afterwards answers
# NOT_FOUND.
mutation TrashProcess {
  trashProcess(processId: "process-annual-report")
}
`,
  },
  {
    query: `# Demo upstream: the run IS started, but the answer never arrives. Expect
# UPSTREAM_TIMEOUT with extensions.outcome = "UNKNOWN": the gateway does not
# retry a write that may have arrived; look before retrying.
mutation ErrorWriteOutcomeUnknown {
  runProcess(processId: "${DEMO_ACTS_THEN_STALLS}") { id }
}
`,
  },
  {
    query: `# Demo upstream: every error id works for writes too (here 409 →
# CONFLICT); try demo-unavailable for outcome UNKNOWN.
mutation ErrorWriteConflict {
  runProcess(processId: "demo-conflict") { id }
}
`,
  },
];

/** The tab: the operations in one document, with every operation's variables (each ignores the others'). */
export const MUTATIONS_TAB: GraphiQLTab = {
  query: `# Mutations: seven operations, pick one with the run button's menu.
# They change the demo's data (in memory, until restart).

${MUTATION_OPERATIONS.map((operation) => operation.query.trim()).join('\n\n')}
`,
  variables: JSON.stringify(
    Object.assign({}, ...MUTATION_OPERATIONS.map((operation) => (operation.variables ? JSON.parse(operation.variables) : {}))),
    null,
    2,
  ),
};
