// APQ over graphql-ws: the lookup POST /graphql uses (src/server/apq/persisted-query-lookup.ts).
import { createHash } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TEST_TOKEN, useGateway, type HarnessGateway } from '../harness';
import { LIVE_TEST_ENV, MovingRun } from './live-fixtures';

const SUBSCRIPTION = 'subscription Watch($id: ID!) { processRunUpdated(id: $id) { id revision } }';
const HASH = createHash('sha256').update(SUBSCRIPTION).digest('hex');

/** The first thing a graphql-ws subscription receives: an event, or the codes of the protocol error. */
async function firstOverWebSocket(gateway: HarnessGateway, payload: Record<string, unknown>): Promise<unknown> {
  const client = createClient({
    url: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { Authorization: TEST_TOKEN },
  });
  try {
    return await new Promise((resolve) => {
      client.subscribe({ query: '', ...payload } as never, {
        next: (result) => resolve({ next: result }),
        error: (errors) =>
          resolve((errors as Array<{ extensions?: { code?: unknown } }>).map((error) => error.extensions?.code)),
        complete: () => resolve('complete'),
      });
    });
  } finally {
    await client.dispose();
  }
}

describe('APQ over graphql-ws', () => {
  const t = useGateway({ env: LIVE_TEST_ENV });

  it('a hash alone misses (PERSISTED_QUERY_NOT_FOUND, no upstream call), the query with its hash runs and registers, then the hash alone runs', async () => {
    const run = new MovingRun('apq-ws-run').serveOn(t.upstream);
    const variables = { id: run.current.id };
    const byHash = { variables, extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } };
    expect(await firstOverWebSocket(t.gateway, byHash)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(t.upstream.requests).toHaveLength(0);
    expect(await firstOverWebSocket(t.gateway, { ...byHash, query: SUBSCRIPTION })).toEqual({
      next: { data: { processRunUpdated: { id: run.current.id, revision: 1 } } },
    });
    expect(await firstOverWebSocket(t.gateway, byHash)).toEqual({
      next: { data: { processRunUpdated: { id: run.current.id, revision: 1 } } },
    });
  });

  it("a hash that is not the query's SHA-256 is BAD_REQUEST, as over POST", async () => {
    const payload = {
      query: SUBSCRIPTION,
      variables: { id: 'x' },
      extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } },
    };
    expect(await firstOverWebSocket(t.gateway, payload)).toEqual(['BAD_REQUEST']);
    expect(t.upstream.requests).toHaveLength(0);
  });
});
