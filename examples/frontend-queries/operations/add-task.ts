import { graphql } from '../generated';

/** "Add a task" form: one sendTask job added to a running process, placed after a chosen sibling. */
export const AddTaskMutation = graphql(`
  mutation AddTask($processRunId: ID!, $task: SendTaskArgumentsInput!, $placement: JobRunPlacement) {
    addJobRuns(
      processRunId: $processRunId
      jobs: [{ action: SEND_TASK, arguments: { sendTask: $task } }]
      placement: $placement
    ) {
      id
      ordinal
      status
      action
      arguments {
        ... on SendTaskArguments {
          title
          assignee {
            ... on User {
              id
            }
          }
        }
      }
    }
  }
`);
