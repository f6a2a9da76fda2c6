import WebSocket from 'ws';
import { createLiveClient, json, useGateway } from '../harness';

const RUN = `mutation { runProcess(processId: "process-abc123") { id } }`;

/** Opens a raw graphql-ws upgrade; the HTTP status the server answered (101 when it accepted). */
function upgradeStatus(gatewayUrl: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${gatewayUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      socket.terminate();
    });
    socket.on('error', (error) => reject(error));
  });
}

/** The errors graphql-ws delivered for a refused operation (its `error` message). */
async function refusal(
  gateway: { url: string },
  document: string,
): Promise<Array<{ message: string; extensions?: Record<string, unknown> }>> {
  const client = createLiveClient(gateway, 'ws');
  try {
    const recording = client.subscribe(document);
    await recording.waitForEnd();
    expect(recording.events).toEqual([]);
    return recording.failure as Array<{ message: string; extensions?: Record<string, unknown> }>;
  } finally {
    await client.close();
  }
}

describe('WebSocket transport – only subscriptions, only from allowed origins', () => {
  const t = useGateway();

  it('a mutation over graphql-ws is refused with BAD_REQUEST and no upstream call (no POST-only rule or CSRF guards a socket)', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) =>
      json(response, 201, { id: 'run-1' }),
    );
    const errors = await refusal(t.gateway, RUN);
    expect(errors).toEqual([
      {
        message: 'Only subscriptions run over WebSocket: queries and mutations go over POST /graphql.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    expect(t.upstream.requests).toEqual([]);
  });

  it('a query over graphql-ws is refused with BAD_REQUEST', async () => {
    const errors = await refusal(t.gateway, `query { processRun(id: "run-1") { id } }`);
    expect(errors.map((error) => error.extensions?.code)).toEqual(['BAD_REQUEST']);
    expect(t.upstream.requests).toEqual([]);
  });

  it('a cross-origin upgrade is refused with 403 before any GraphQL; Origin-less upgrades are accepted', async () => {
    expect(await upgradeStatus(t.gateway.url, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(t.gateway.url, { origin: 'null' })).toBe(403);
    expect(await upgradeStatus(t.gateway.url, {})).toBe(101);
  });
});

describe('WebSocket transport – errors carry no HTTP status', () => {
  const t = useGateway();

  it.each([
    ['a parse error', 'subscription {', 'GRAPHQL_PARSE_FAILED'],
    ['a validation error', 'subscription { nope }', 'GRAPHQL_VALIDATION_FAILED'],
    ['a query (refused by the transport)', 'query { __typename }', 'BAD_REQUEST'],
  ])('%s keeps its code but not extensions.http (only HTTP answers have a status)', async (_name, document, code) => {
    const errors = await refusal(t.gateway, document);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toEqual({ code });
  });
});
