import { graphql } from '../generated';

/** "Start a run" button: starts the process and shows the new run's header. Never retried blindly: on an error with
 * `extensions.outcome: "UNKNOWN"`, look at the process's runs before pressing again. */
export const StartRunMutation = graphql(`
  mutation StartRun($processId: ID!, $sendProcessCompleteEmail: Boolean) {
    runProcess(processId: $processId, sendProcessCompleteEmail: $sendProcessCompleteEmail) {
      id
      name
      status
      process {
        id
      }
      statusCounts {
        status
        count
      }
    }
  }
`);
