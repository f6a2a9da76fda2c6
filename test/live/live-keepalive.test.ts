import WebSocket from 'ws';
import { TEST_TOKEN, useGateway, waitFor } from '../harness';
import { LIVE_TEST_ENV, MovingRun, WATCH_RUN } from './live-fixtures';

function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => {
      socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: TEST_TOKEN } }));
      socket.once('message', (data) =>
        JSON.parse(String(data)).type === 'connection_ack' ? resolve(socket) : reject(new Error(String(data))),
      );
    });
  });
}

describe('processRunUpdated: keep-alive and clients that vanish', () => {
  // graphql-ws terminates a socket whose pong has not come back within one keep-alive interval, and the client here
  // shares the gateway's event loop: at 50 ms a loaded CI machine stalled past it once and the pings stopped.
  // 500 ms still shows three pings in ~1.5 s.
  const t = useGateway({ env: { ...LIVE_TEST_ENV, LIVE_KEEPALIVE_MS: '500' } });

  it('WebSocket: the server pings every LIVE_KEEPALIVE_MS', async () => {
    const socket = await openSocket(t.gateway.url);
    try {
      let pings = 0;
      socket.on('ping', () => (pings += 1));
      await waitFor(() => pings >= 3, 'three pings');
    } finally {
      socket.close();
    }
  });

  it('SSE: the stream carries comment pings while the run does not change', async () => {
    const run = new MovingRun().serveOn(t.upstream);
    const controller = new AbortController();
    const response = await fetch(`${t.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: TEST_TOKEN },
      body: JSON.stringify({ query: WATCH_RUN, variables: { id: run.current.id } }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    let text = '';
    try {
      // Yoga pings at once and then every 300 ms under NODE_ENV=test (12 s otherwise).
      while ((text.match(/^:\n\n/gm) ?? []).length < 2) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`the stream ended early:\n${text}`);
        text += new TextDecoder().decode(chunk.value);
      }
      expect(text).toContain('event: next');
    } finally {
      controller.abort();
    }
    await waitFor(() => t.gateway.app.live.activeSubscriptions === 0, 'the aborted stream released its subscription');
  });

  it('a WebSocket cut without a close handshake releases its subscriptions and the loop', async () => {
    const run = new MovingRun().serveOn(t.upstream);
    const socket = await openSocket(t.gateway.url);
    socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: WATCH_RUN, variables: { id: run.current.id } } }),
    );
    await waitFor(
      () => t.gateway.app.live.activeSubscriptions === 1 && t.upstream.runRequests.length > 0,
      'subscribed',
    );
    socket.terminate();
    await waitFor(
      () => t.gateway.app.live.activeSubscriptions === 0 && t.gateway.app.live.registry.activePollers === 0,
      'everything released',
    );
  });
});
