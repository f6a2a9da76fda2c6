// The "Mutations" tab against the embedded demo upstream (its writes live in memory until restart). Every example
// acts on a process the first one creates, never on the fixtures the README, the docs and the other tabs show:
// run Mutations, paste the ids it answers into the variables, then the others in order.
import { comment, expectLine, multiOperationTab, type GraphiQLDemoIds, type GraphiQLTab } from './graphiql-tab';

/** The variables the operations after the first share: ids the first (and StartRun) answer. */
export const MUTATION_VARIABLES = { processId: '', jobId: '', processRunId: '' };

/** Each operation with its own variables, in the order they are meant to run. */
export function mutationOperations(
  ids: Pick<GraphiQLDemoIds, 'assigneeId' | 'writeOutcomeUnknownProcessId' | 'errors'>,
): readonly GraphiQLTab[] {
  const conflictId = ids.errors.find((error) => error.gatewayCode === 'CONFLICT')?.id ?? 'demo-conflict';
  return [
    {
      query: `${comment('Creates a process of your own (not started): a task, then a group with a content request. Put its id and jobs[0].id into "processId" and "jobId" in the variables, then run the others in order.')}
mutation Mutations($input: CreateProcessInput!) {
  createProcess(input: $input) { id name jobs { id name } }
}`,
      variables: JSON.stringify({
        input: {
          name: 'Monthly close',
          dueDate: '2025-01-31',
          businessDaysOfWeek: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
          root: {
            name: 'Root',
            children: [
              {
                job: {
                  action: 'SEND_TASK',
                  arguments: { sendTask: { title: 'Collect invoices', assignee: ids.assigneeId } },
                },
              },
              {
                group: {
                  name: 'Review',
                  children: [
                    {
                      job: {
                        action: 'CONTENT_REQUEST',
                        arguments: {
                          contentRequest: {
                            title: 'Update balance sheet',
                            assignee: ids.assigneeId,
                            approver: ids.assigneeId,
                            document: 'doc-balance123',
                          },
                        },
                      },
                    },
                  ],
                },
              },
            ],
          },
        },
      }),
    },
    {
      query: `${comment('Renames a job of your process; the answer and later reads show the new name.')}
mutation RenameJob($processId: ID!, $jobId: ID!) {
  renameProcessItems(
    processId: $processId
    renames: [{ kind: JOB, id: $jobId, newName: "Collect all invoices" }]
  ) { id jobs { id name } }
}`,
      variables: JSON.stringify(MUTATION_VARIABLES),
    },
    {
      query: `${comment('Starts a run of your process. The demo moves one job on every 3 s: put the returned id into "processRunId" (and into the Live tab to watch it).')}
mutation StartRun($processId: ID!) {
  runProcess(processId: $processId) {
    id
    name
    status
    jobs { id action status actionStatus }
  }
}`,
    },
    {
      query: `${comment('Adds a task at the end of your run.')}
mutation AddTask($processRunId: ID!, $task: SendTaskArgumentsInput!) {
  addJobRuns(
    processRunId: $processRunId
    jobs: [{ action: SEND_TASK, arguments: { sendTask: $task } }]
  ) {
    id
    status
    arguments { ... on SendTaskArguments { title assignee { ... on User { id } } } }
  }
}`,
      variables: JSON.stringify({
        task: { title: 'Check the accruals', assignee: ids.assigneeId, dueDate: '2025-01-20' },
      }),
    },
    {
      query: `${comment('Moves your process to trash; starting a run of it afterwards answers NOT_FOUND.')}
mutation TrashProcess($processId: ID!) {
  trashProcess(processId: $processId)
}`,
    },
    {
      query: `${comment('The demo starts this run, but the answer never arrives: extensions.outcome is "UNKNOWN"; the gateway does not retry a write that may have arrived: look before retrying.')}
${expectLine('UPSTREAM_TIMEOUT')}
mutation WriteOutcomeUnknown {
  runProcess(processId: "${ids.writeOutcomeUnknownProcessId}") { id }
}`,
    },
    {
      query: `${comment('Every demo error id works for writes too (here 409).')}
${expectLine('CONFLICT')}
mutation WriteConflict {
  runProcess(processId: "${conflictId}") { id }
}`,
    },
  ];
}

/** The tab: the operations in one document, with every operation's variables (each ignores the others'). */
export const mutationsTab = (
  ids: Pick<GraphiQLDemoIds, 'assigneeId' | 'writeOutcomeUnknownProcessId' | 'errors'>,
): GraphiQLTab =>
  multiOperationTab(
    comment("Mutations: pick one from the run button's menu. They change the demo's data (in memory, until restart)."),
    mutationOperations(ids),
  );
