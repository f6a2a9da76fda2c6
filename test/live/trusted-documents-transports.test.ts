import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { WatchRunDocument } from '../../examples/frontend-queries/generated/graphql';
import { postGraphQL, TEST_TOKEN, withGateway, type HarnessGateway } from '../harness';
import { LIVE_TEST_ENV } from './live-fixtures';

// POST /graphql and graphql-ws answer one request alike: both go through src/server/trusted-documents.ts.
const PERSISTED_FILE = join(
  __dirname,
  '..',
  '..',
  'examples',
  'frontend-queries',
  'generated',
  'persisted-documents.json',
);
const HASH = (WatchRunDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
const SUBSCRIPTION = 'subscription { processRunUpdated(id: "r") { id } }';

async function overWebSocket(gateway: HarnessGateway, payload: Record<string, unknown>): Promise<unknown> {
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
        error: (errors) => resolve((errors as Array<{ extensions?: unknown }>).map((error) => error.extensions)),
        complete: () => resolve('complete'),
      });
    });
  } finally {
    await client.dispose();
  }
}

describe('trusted documents – one lookup for POST /graphql and graphql-ws', () => {
  it.each([
    ['query text without a hash', { query: SUBSCRIPTION }, 'PERSISTED_QUERY_ONLY'],
    [
      'query text with an allowlisted hash',
      { query: SUBSCRIPTION, extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } },
      'PERSISTED_QUERY_NOT_SUPPORTED',
    ],
    ['neither text nor hash', {}, 'PERSISTED_QUERY_ID_REQUIRED'],
    [
      'an APQ hash of another version',
      { extensions: { persistedQuery: { version: 2, sha256Hash: HASH } } },
      'PERSISTED_QUERY_ID_REQUIRED',
    ],
    [
      'a hash not on the list',
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
      'PERSISTED_QUERY_NOT_FOUND',
    ],
    ['a documentId not on the list', { documentId: 'unknown' }, 'PERSISTED_QUERY_NOT_FOUND'],
  ])('%s: %s on both transports', async (_name, payload, code) => {
    await withGateway({ ...LIVE_TEST_ENV, PERSISTED_OPERATIONS_FILE: PERSISTED_FILE }, async (gateway) => {
      const http = await postGraphQL(gateway, { variables: { id: 'r' }, ...payload });
      expect(http.status).toBe(400);
      expect(http.body.errors?.map((error) => error.extensions)).toEqual([{ code }]);
      expect(await overWebSocket(gateway, { variables: { id: 'r' }, ...payload })).toEqual([{ code }]);
      expect(gateway.upstream.requests).toHaveLength(0);
    });
  });
});
