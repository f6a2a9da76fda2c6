import { join } from 'node:path';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { WatchRunDocument, type WatchRunSubscription } from '../../examples/frontend-queries/generated/graphql';
import { createLiveClient, TEST_TOKEN, withGateway } from '../harness';
import { LIVE_TEST_ENV, MovingRun } from './live-fixtures';

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

describe('examples/frontend-queries WatchRun (typed) – with trusted documents on', () => {
  it('over graphql-ws by hash: the typed events arrive; an arbitrary subscription is refused with PERSISTED_QUERY_ONLY', async () => {
    await withGateway({ ...LIVE_TEST_ENV, PERSISTED_OPERATIONS_FILE: PERSISTED_FILE }, async (gateway) => {
      const run = new MovingRun().serveOn(gateway.upstream);
      const client = createClient({
        url: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { Authorization: TEST_TOKEN },
      });
      try {
        const events: WatchRunSubscription[] = [];
        await new Promise<void>((resolve, reject) => {
          client.subscribe<WatchRunSubscription>(
            {
              query: '',
              variables: { id: run.current.id },
              extensions: { persistedQuery: { version: 1, sha256Hash: HASH } },
            },
            {
              next: (result) => {
                if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
                events.push(result.data!);
                if (events.length === 1) run.finish();
              },
              error: reject,
              complete: resolve,
            },
          );
        });
        expect(events.map((event) => event.processRunUpdated.status)).toEqual(['RUNNING', 'COMPLETE']);

        const refused = createLiveClient(gateway, 'ws').subscribe(print(WatchRunDocument), { id: run.current.id });
        await refused.waitForEnd();
        expect(refused.failure ?? refused.events).toEqual([
          expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_ONLY' } }),
        ]);
      } finally {
        await client.dispose();
      }
    });
  });
});
