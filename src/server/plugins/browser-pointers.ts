import type { Plugin } from 'graphql-yoga';

const ROOT_POINTER = 'process-runs-gateway: GraphQL is served at /graphql (POST application/json).\n';

const GRAPHIQL_OFF_PAGE = `<!doctype html>
<meta charset="utf-8">
<title>GraphiQL is off</title>
<p>GraphiQL is turned off on this gateway (GRAPHIQL=false).
<p>Send GraphQL as <code>POST /graphql</code> with <code>Content-Type: application/json</code>.
`;

/**
 * Answers what a person in a browser asks for: `GET /` gets a one-line pointer instead of an empty 404, and with
 * GraphiQL off, a page load of /graphql (no query, accepts HTML) is told so instead of meeting a CSRF refusal.
 */
export function useBrowserPointers({ graphiql }: { graphiql: boolean }): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET') return;
      if (url.pathname === '/') {
        endResponse(new fetchAPI.Response(ROOT_POINTER, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
        return;
      }
      const pageLoad = (request.headers.get('accept') ?? '').includes('text/html') && !url.searchParams.has('query');
      if (!graphiql && url.pathname === '/graphql' && pageLoad) {
        endResponse(new fetchAPI.Response(GRAPHIQL_OFF_PAGE, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } }));
      }
    },
  };
}
