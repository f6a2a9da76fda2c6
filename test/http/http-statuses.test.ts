import { seedProcessRun } from '../../src/demo/fixtures';
import {
  createLiveClient,
  httpGet,
  postGraphQL,
  TEST_TOKEN,
  useGateway,
  waitFor,
  type LiveTransport,
} from '../harness';

const NO_QUERY = { errors: [{ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } }] };
const WATCH = `subscription { processRunUpdated(id: "${seedProcessRun.id}") { id } }`;
const NOT_ACCEPTABLE = {
  errors: [
    {
      message:
        "A subscription needs a streaming transport: sse (POST (or GET) /graphql with Accept: text/event-stream) or graphql-ws (a WebSocket on /graphql, subprotocol graphql-transport-ws) or multipart (POST /graphql with Accept: multipart/mixed;subscriptionSpec=1.0 (Apollo Client over HTTP)). This request's Accept header allows none of them.",
      extensions: { code: 'BAD_REQUEST', transports: ['sse', 'graphql-ws', 'multipart'] },
    },
  ],
};

describe('HTTP statuses follow GraphQL over HTTP', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveRun(seedProcessRun) });

  it.each([
    ['no Accept', {}],
    ['Accept: application/json', { accept: 'application/json' }],
    ['Accept: application/graphql-response+json', { accept: 'application/graphql-response+json' }],
  ])('a POST without a query is 400 BAD_REQUEST with %s, no upstream call', async (_name, headers) => {
    const response = await postGraphQL(t.gateway, {}, { headers });
    expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: NO_QUERY });
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('a GET without a query is 400 BAD_REQUEST with Accept: application/json', async () => {
    const response = await httpGet(t.gateway, '/graphql', {
      accept: 'application/json',
      'x-graphql-yoga-csrf': '1',
      authorization: TEST_TOKEN,
    });
    expect({ status: response.status, body: JSON.parse(response.text) }).toEqual({ status: 400, body: NO_QUERY });
  });

  it('a body that is not JSON is 400 BAD_REQUEST with Accept: application/json', async () => {
    const response = await postGraphQL(t.gateway, '{ not json', { headers: { accept: 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_REQUEST']);
  });

  it.each([
    ['application/json'],
    ['application/graphql-response+json, application/json;q=0.9'],
    // multipart without Apollo's subscriptionSpec is the incremental-delivery format, which subscriptions do not use.
    ['multipart/mixed, application/json;q=0.9'],
  ])('a subscription with Accept: %s is 406 naming the transports, before any upstream call', async (accept) => {
    const response = await postGraphQL(t.gateway, { query: WATCH }, { headers: { accept } });
    expect({ status: response.status, body: response.body }).toEqual({ status: 406, body: NOT_ACCEPTABLE });
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(t.upstream.requests).toHaveLength(0);
  });

  it.each<LiveTransport>(['sse', 'ws', 'multipart'])('the same subscription over %s is served', async (transport) => {
    const client = createLiveClient(t.gateway, transport);
    try {
      const watch = client.subscribe(WATCH);
      const [first] = await watch.waitForEvents(1);
      expect(first).toEqual({ data: { processRunUpdated: { id: seedProcessRun.id } } });
      expect(t.upstream.runRequests.length).toBeGreaterThanOrEqual(1);
    } finally {
      await client.close();
    }
    // The client leaving ends its poll loop (else the next transport would be served from this one's loop).
    await waitFor(() => t.gateway.app.live.registry.activePollers === 0, 'no poll loop left');
  });
});

describe('HTTP statuses – a well-formed request keeps 200 under application/json', () => {
  const t = useGateway();

  it.each([
    ['a parse error', '{ processRun(', 'GRAPHQL_PARSE_FAILED'],
    ['a validation error', '{ processRun(id: "x") { nope } }', 'GRAPHQL_VALIDATION_FAILED'],
  ])('%s answers 200 with its code', async (_name, query, code) => {
    const response = await postGraphQL(t.gateway, { query }, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    expect(t.upstream.requests).toHaveLength(0);
  });
});
