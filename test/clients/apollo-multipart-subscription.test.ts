// processRunUpdated with Apollo Client 4's own HTTP subscriptions (multipart, Apollo's subscriptionSpec=1.0), and the
// wire format other clients of that protocol (Hive Router) read: `{}` heartbeats, `payload` parts, the closing boundary.
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { Defer20220824Handler } from '@apollo/client/incremental';
import { json, metricSample, scrapeMetrics, TEST_TOKEN, useGateway, waitFor } from '../harness';
import { LIVE_TEST_ENV, MovingRun, WATCH_RUN, type WatchedRun } from '../live/live-fixtures';

const HEARTBEAT_MS = 100;

function apollo(url: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: `${url}/graphql`, headers: { authorization: TEST_TOKEN } }),
    cache: new InMemoryCache(),
    incrementalHandler: new Defer20220824Handler(),
  });
}

/** The raw multipart answer to a subscription, split into its JSON parts as they arrive. */
async function rawParts(
  url: string,
  id: string,
  until: (parts: unknown[]) => boolean,
): Promise<{ contentType: string; parts: unknown[]; ended: boolean }> {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0",application/json',
      authorization: TEST_TOKEN,
    },
    body: JSON.stringify({ query: WATCH_RUN, variables: { id } }),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let parts: unknown[] = [];
  let ended: boolean;
  try {
    while (!until(parts)) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      parts = text
        .split('\r\n--graphql')
        .filter((part) => part.includes('\r\n\r\n'))
        .map((part) => JSON.parse(part.slice(part.indexOf('\r\n\r\n') + 4)));
    }
    // Completed, not cut: the closing boundary is the last thing sent.
    ended = text.endsWith('\r\n--graphql--\r\n');
  } finally {
    controller.abort();
  }
  return { contentType: response.headers.get('content-type') ?? '', parts, ended };
}

describe('multipart subscriptions – Apollo Client over HTTP', () => {
  const t = useGateway({ env: { ...LIVE_TEST_ENV, LIVE_MULTIPART_HEARTBEAT_MS: String(HEARTBEAT_MS) } });
  afterEach(() => waitFor(() => t.gateway.app.live.registry.activePollers === 0, 'no poll loop left'));

  it('events as the run changes, then completion when it finishes; counted in the live metrics', async () => {
    const run = new MovingRun().serveOn(t.upstream);
    const client = apollo(t.gateway.url);
    const events: WatchedRun[] = [];
    let completed = false;
    const subscription = client
      .subscribe<WatchedRun>({ query: gql(WATCH_RUN), variables: { id: run.current.id } })
      .subscribe({
        next: (result) => {
          if (result.error) throw result.error;
          events.push(result.data!);
        },
        complete: () => {
          completed = true;
        },
      });
    try {
      await waitFor(() => events.length >= 1, 'the first event');
      expect(metricSample(await scrapeMetrics(t.gateway), 'gateway_live_subscriptions')).toBe(1);
      run.advance();
      await waitFor(() => events.length >= 2, 'the second event');
      run.finish();
      await waitFor(() => completed, 'completion');
      expect(events.map((event) => event.processRunUpdated.revision)).toEqual([1, 2, 3]);
      expect(events.at(-1)!.processRunUpdated.status).toBe('COMPLETE');
    } finally {
      subscription.unsubscribe();
      client.stop();
    }
  });

  it('an ending error reaches Apollo Client as a GraphQL error with its code, then the stream ends', async () => {
    t.upstream.onRun('gone', (_request, response) => json(response, 404, { code: '404', message: 'no' }));
    const client = apollo(t.gateway.url);
    try {
      const outcome = await new Promise<{ codes: unknown[]; completed: boolean }>((resolve, reject) => {
        const codes: unknown[] = [];
        client.subscribe({ query: gql(WATCH_RUN), variables: { id: 'gone' } }).subscribe({
          next: (result) =>
            codes.push(
              ...(
                (result.error as { errors?: Array<{ extensions?: { code?: unknown } }> } | undefined)?.errors ?? []
              ).map((error) => error.extensions?.code),
            ),
          error: reject,
          complete: () => resolve({ codes, completed: true }),
        });
      });
      expect(outcome).toEqual({ codes: ['NOT_FOUND'], completed: true });
    } finally {
      client.stop();
    }
  });

  it("on the wire: Apollo's content type, `{}` heartbeats between events, events wrapped in `payload`", async () => {
    const run = new MovingRun('live-run-wire').serveOn(t.upstream);
    const heartbeats = (parts: unknown[]) => parts.filter((part) => JSON.stringify(part) === '{}').length;
    const { contentType, parts } = await rawParts(t.gateway.url, run.current.id, (seen) => heartbeats(seen) >= 2);
    expect(contentType).toBe('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"');
    expect(parts.filter((part) => JSON.stringify(part) !== '{}')[0]).toEqual({
      payload: { data: { processRunUpdated: expect.objectContaining({ id: run.current.id, revision: 1 }) } },
    });
  });

  it('a refusal before it starts is a transport error (`payload: null`), then the closing boundary', async () => {
    const { parts, ended } = await rawParts(t.gateway.url, '..', () => false);
    expect(parts).toEqual([
      {
        payload: null,
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })],
      },
    ]);
    expect(ended).toBe(true);
    // (A poll of the previous test's loop may land after the reset: only this id matters.)
    expect(t.upstream.requests.filter((request) => !request.path.includes('live-run'))).toHaveLength(0);
  });

  it('draining completes an open multipart subscription (the same step as SSE and graphql-ws)', async () => {
    const run = new MovingRun('live-run-drain').serveOn(t.upstream);
    const pending = rawParts(t.gateway.url, run.current.id, () => false);
    await waitFor(() => t.gateway.app.live.registry.activePollers === 1, 'the poll loop');
    // Only this suite's subscriptions are open; the next tests would start a new gateway (none follow).
    await t.gateway.app.drainSubscriptions();
    const { ended } = await pending;
    expect(ended).toBe(true);
  });
});
