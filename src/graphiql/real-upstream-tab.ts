// With a real upstream: one tab that asks for the id, names no demo id, and prefills no header value (a
// placeholder would be sent upstream as if it were a token).
import type { GraphiQLTab } from './graphiql-tab';

export const REAL_UPSTREAM_TABS: readonly GraphiQLTab[] = [
  {
    query: `# Put a process run id in the Variables pane, and your
# token in the Headers pane (below the editor):
# {"Authorization": "Bearer <your token>"}
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
