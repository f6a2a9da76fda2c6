// Every error a client can cause has a stable code from the closed list, is logged at info (not error), and is
// counted as cause="client" in /metrics, apart from upstream failures and bugs.
import { seedProcessRun } from '../../src/demo/fixtures';
import { GATEWAY_ERROR_CODES } from '../../src/errors/error-codes';
import {
  execute,
  expectNoErrors,
  expectOnlyError,
  httpGet,
  json,
  metricSample,
  openGraphiQL,
  scrapeMetrics,
  useGateway,
  withGateway,
  type GraphQLErrorBody,
} from '../harness';

interface RawAnswer {
  status: number;
  body: { data?: unknown; errors?: GraphQLErrorBody[] };
}

// Raw HTTP on purpose: these requests are malformed (bad JSON, no CSRF header, a browser's Accept), which the
// harness's execute/postGraphQL never send.
async function raw(url: string, init: RequestInit): Promise<RawAnswer> {
  const response = await fetch(url, init);
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as RawAnswer['body'] };
  } catch {
    throw new Error(`HTTP ${response.status}, not JSON: ${text.slice(0, 500)}`);
  }
}

function onlyCode(answer: RawAnswer): string {
  expect(answer.body.errors).toHaveLength(1);
  return String(answer.body.errors![0]!.extensions?.code);
}

describe('request-level errors: one stable code each', () => {
  const t = useGateway();
  const graphql = () => `${t.gateway.url}/graphql`;

  it('a CSRF refusal is BAD_REQUEST and says how to fix the request', async () => {
    const answer = await raw(`${graphql()}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(answer.status).toBe(403);
    expect(onlyCode(answer)).toBe('BAD_REQUEST');
    expect(answer.body.errors![0]!.message).toMatch(/Content-Type: application\/json/);
    expect(answer.body.errors![0]!.message).toMatch(/x-graphql-yoga-csrf/);
  });

  it('a mutation over GET is BAD_REQUEST (405), before anything else looks at it', async () => {
    const url = `${graphql()}?query=${encodeURIComponent('mutation { anything }')}`;
    const answer = await raw(url, { headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' } });
    expect(answer.status).toBe(405);
    expect(onlyCode(answer)).toBe('BAD_REQUEST');
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('malformed JSON is BAD_REQUEST', async () => {
    const answer = await raw(graphql(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(answer.status).toBe(400);
    expect(onlyCode(answer)).toBe('BAD_REQUEST');
  });

  it('a body that is JSON but not a GraphQL request is BAD_REQUEST', async () => {
    const answer = await raw(graphql(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1, 2]',
    });
    expect(answer.status).toBe(400);
    expect(onlyCode(answer)).toBe('BAD_REQUEST');
  });

  it('a missing variable is BAD_USER_INPUT', async () => {
    const result = await execute(t.gateway, 'query Run($id: ID!) { processRun(id: $id) { id } }');
    expect(expectOnlyError(result, 'BAD_USER_INPUT').message).toMatch(/\$id/);
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('a variable of the wrong type is BAD_USER_INPUT', async () => {
    const result = await execute(
      t.gateway,
      'query Run($id: ID!, $x: Boolean) { processRun(id: $id, excludeGeneratedJobs: $x) { id } }',
      {
        id: 'run-1',
        x: 'not a boolean',
      },
    );
    expectOnlyError(result, 'BAD_USER_INPUT');
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('a syntax error is GRAPHQL_PARSE_FAILED; an unknown field GRAPHQL_VALIDATION_FAILED; an unknown operationName OPERATION_RESOLUTION_FAILURE', async () => {
    expectOnlyError(await execute(t.gateway, '{ processRun(id: "x") { id '), 'GRAPHQL_PARSE_FAILED');
    expectOnlyError(await execute(t.gateway, '{ processRun(id: "x") { nope } }'), 'GRAPHQL_VALIDATION_FAILED');
    const answer = await raw(graphql(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }),
    });
    expect(onlyCode(answer)).toBe('OPERATION_RESOLUTION_FAILURE');
  });

  it('client mistakes are logged at info, never error, and counted as cause="client" apart from upstream failures', async () => {
    const before = await scrapeMetrics(t.gateway);
    const logged = t.gateway.logs.lines.length;
    expectOnlyError(await execute(t.gateway, 'query Run($id: ID!) { processRun(id: $id) { id } }'), 'BAD_USER_INPUT');
    t.upstream.onAny((_request, response) => json(response, 500, { code: '500', message: 'boom' }));
    expectOnlyError(await execute(t.gateway, '{ processRun(id: "run-1") { id } }', undefined), 'UPSTREAM_ERROR');
    const after = await scrapeMetrics(t.gateway);

    const client = { code: 'BAD_USER_INPUT', cause: 'client' };
    const upstream = { code: 'UPSTREAM_ERROR', cause: 'upstream' };
    expect(metricSample(after, 'gateway_graphql_errors_total', client)).toBe(
      metricSample(before, 'gateway_graphql_errors_total', client) + 1,
    );
    expect(metricSample(after, 'gateway_graphql_errors_total', upstream)).toBe(
      metricSample(before, 'gateway_graphql_errors_total', upstream) + 1,
    );

    const requestLines = t.gateway.logs.entries
      .slice(logged)
      .filter((entry) => entry.msg === 'request' && entry.errorCodes);
    const levelOf = (code: string) => requestLines.find((entry) => entry.errorCodes.includes(code))?.level;
    expect(levelOf('BAD_USER_INPUT')).toBe(30); // pino info
    expect(levelOf('UPSTREAM_ERROR')).toBe(40); // pino warn
  });

  it('every code these answers carry is in the closed list', async () => {
    const answers = [
      await execute(t.gateway, 'query Run($id: ID!) { processRun(id: $id) { id } }'),
      await execute(t.gateway, '{ processRun(id: "x") { id '),
      await execute(t.gateway, '{ processRun(id: "x") { nope } }'),
      await execute(t.gateway, `{ processRun(id: "${'x'.repeat(300)}") { id } }`),
    ];
    for (const answer of answers) {
      for (const error of answer.body.errors ?? []) expect(GATEWAY_ERROR_CODES).toContain(error.extensions?.code);
    }
  });
});

describe('what a person in a browser meets', () => {
  const t = useGateway();

  it('GET / answers a one-line pointer to /graphql', async () => {
    const { status, text } = await httpGet(t.gateway, '/');
    expect(status).toBe(200);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toContain('/graphql');
  });

  it('field suggestions stay on outside production (the local demo)', async () => {
    const result = await execute(t.gateway, '{ processRun(id: "x") { nme } }');
    expect(expectOnlyError(result, 'GRAPHQL_VALIDATION_FAILED').message).toBe(
      'Cannot query field "nme" on type "ProcessRun". Did you mean "name"?',
    );
  });

  it('GRAPHIQL=false: a browser on /graphql is told GraphiQL is off, not refused as CSRF', async () => {
    await withGateway({ GRAPHIQL: 'false' }, async (gateway) => {
      const answer = await raw(`${gateway.url}/graphql`, {
        headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      });
      expect(answer.status).toBe(400);
      expect(onlyCode(answer)).toBe('BAD_REQUEST');
      expect(answer.body.errors![0]!.message).toMatch(/GraphiQL is turned off/);
      expect(answer.body.errors![0]!.message).not.toMatch(/CSRF|cross-site/);
      // An API GET with a query is still the ordinary path (and still CSRF-checked).
      t.upstream.serveRun(seedProcessRun);
      const api = await raw(`${gateway.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
      });
      expect(api.body).toEqual({ data: { __typename: 'Query' } });
    });
  });

  it('GRAPHIQL=true: the same browser request gets GraphiQL', async () => {
    const page = await openGraphiQL(t.gateway);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>process-runs-gateway</title>');
    expectNoErrors(await execute(t.gateway, '{ __typename }'));
  });
});
