import type { GraphiQLOptions } from 'graphql-yoga';
import { GRAPHIQL_ASSETS_PATH } from './graphiql-assets';
import { demoTabs } from './demo-tabs';
import type { GraphiQLDemoIds } from './graphiql-tab';
import { REAL_UPSTREAM_TABS } from './real-upstream-tab';

/** GraphiQL's page options: the demo's tabs when app.ts passes the demo's ids, else the one real-upstream tab. */
export function graphiqlOptions({ demo }: { demo: GraphiQLDemoIds | null }): GraphiQLOptions {
  // No headers are prefilled: the demo needs none, and with a real upstream the user types their own
  // Authorization header (a prefilled placeholder would be sent to the upstream as if it were a token).
  const tabs = demo ? demoTabs(demo) : REAL_UPSTREAM_TABS;
  return {
    title: 'process-runs-gateway',
    favicon: `${GRAPHIQL_ASSETS_PATH}/favicon.ico`,
    defaultQuery: tabs[0]!.query,
    // GraphiQL fills the variables pane at load from this, not from the first tab (whose pane stayed empty).
    ...(tabs[0]!.variables ? { variables: tabs[0]!.variables } : {}),
    defaultTabs: tabs.map((tab) => ({ ...tab, headers: null })),
    // GraphiQL subscribes over SSE with a GET (text/event-stream), which the CSRF check refuses without this header.
    additionalHeaders: { 'x-graphql-yoga-csrf': 'graphiql' },
  };
}
