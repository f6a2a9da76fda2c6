import type { GraphiQLOptions } from 'graphql-yoga';
import { GRAPHIQL_ASSETS_PATH } from './plugins/graphiql-assets';
import { GRAPHIQL_TABS } from './graphiql-tabs';

const AUTHORIZATION_PLACEHOLDER = JSON.stringify({ Authorization: 'Bearer <your Workiva access token>' }, null, 2);

export function graphiqlOptions({ demoUpstream }: { demoUpstream: boolean }): GraphiQLOptions {
  // A real upstream needs the caller's token; the demo does not.
  const headers = demoUpstream ? undefined : AUTHORIZATION_PLACEHOLDER;
  return {
    title: 'process-runs-gateway',
    favicon: `${GRAPHIQL_ASSETS_PATH}/favicon.ico`,
    defaultQuery: GRAPHIQL_TABS[0]!.query,
    defaultTabs: GRAPHIQL_TABS.map((tab) => ({ ...tab, headers: headers ?? null })),
    headers,
    defaultHeaders: headers,
    // GraphiQL subscribes over SSE with a GET (text/event-stream), which the CSRF check refuses without this header.
    additionalHeaders: { 'x-graphql-yoga-csrf': 'graphiql' },
  };
}
