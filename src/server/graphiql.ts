import type { GraphiQLOptions } from 'graphql-yoga';

export const DEMO_RUN_ID = 'processrun-xyz789';

const DEFAULT_QUERY = `# The demo upstream serves this run. Press ▶ to run the query.
query ProcessRunOverview {
  processRun(id: "${DEMO_RUN_ID}") {
    id
    name
    status
    dueDate
    statusCounts { status count }
    jobs {
      id
      action
      actionStatus
      arguments {
        ... on TaskJobArguments { title assignee { ... on User { id } } }
      }
    }
  }
}
`;

export function graphiqlOptions({ demoUpstream }: { demoUpstream: boolean }): GraphiQLOptions {
  return {
    title: 'process-runs-gateway',
    defaultQuery: DEFAULT_QUERY,
    // A real upstream needs the caller's token; the demo does not.
    headers: demoUpstream ? undefined : JSON.stringify({ Authorization: 'Bearer <your Workiva access token>' }),
  };
}
