import type { Plugin } from 'graphql-yoga';
import { gatewayError } from '../../errors/gateway-error';

const ROOT_POINTER = 'process-runs-gateway: GraphQL is served at /graphql (POST application/json).\n';

const GRAPHIQL_OFF = JSON.stringify({
  errors: [
    gatewayError(
      'BAD_REQUEST',
      'GraphiQL is turned off on this gateway (GRAPHIQL=false): send operations as POST /graphql with Content-Type: application/json.',
    ).toJSON(),
  ],
});

/**
 * Answers what a person in a browser asks for: `GET /` gets a one-line pointer instead of an empty 404, and with
 * GraphiQL off, a page load of /graphql (no query, accepts HTML) is told so instead of meeting a CSRF refusal.
 */
export function useBrowserPointers({ graphiql }: { graphiql: boolean }): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET') return;
      if (url.pathname === '/') {
        endResponse(
          new fetchAPI.Response(ROOT_POINTER, {
            status: 200,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        );
        return;
      }
      const pageLoad = (request.headers.get('accept') ?? '').includes('text/html') && !url.searchParams.has('query');
      if (!graphiql && url.pathname === '/graphql' && pageLoad) {
        endResponse(
          new fetchAPI.Response(GRAPHIQL_OFF, {
            status: 400,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      }
    },
  };
}
