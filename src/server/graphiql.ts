import type { GraphiQLOptions } from 'graphql-yoga';
import { GRAPHIQL_ASSETS_PATH } from './plugins/graphiql-assets';
import { GRAPHIQL_TABS, REAL_UPSTREAM_TABS } from './graphiql-tabs';

export function graphiqlOptions({ demoUpstream }: { demoUpstream: boolean }): GraphiQLOptions {
  // No headers are prefilled: the demo needs none, and with a real upstream the user types their own
  // Authorization header (a prefilled placeholder would be sent to the upstream as if it were a token).
  const tabs = demoUpstream ? GRAPHIQL_TABS : REAL_UPSTREAM_TABS;
  return {
    title: 'process-runs-gateway',
    favicon: `${GRAPHIQL_ASSETS_PATH}/favicon.ico`,
    defaultQuery: tabs[0]!.query,
    defaultTabs: tabs.map((tab) => ({ ...tab, headers: null })),
    // GraphiQL subscribes over SSE with a GET (text/event-stream), which the CSRF check refuses without this header.
    additionalHeaders: { 'x-graphql-yoga-csrf': 'graphiql' },
  };
}
