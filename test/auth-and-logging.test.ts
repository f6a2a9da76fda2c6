import { seedProcessRun } from '../src/demo/fixtures';
import { json } from './fakes/upstream';
import { createLogger } from '../src/server/logger';
import { CapturedLogs, TEST_TOKEN, useGatewayWithFakeUpstream } from './support/gateway';

const SECRET = TEST_TOKEN.replace('Bearer ', '');

describe('credentials, request ids and logs', () => {
  const t = useGatewayWithFakeUpstream();

  it('an operation without Authorization gets UNAUTHENTICATED and makes no upstream call', async () => {
    t.upstream.serveRun(seedProcessRun);
    const response = await t.gateway.query('{ processRun(id: "processrun-xyz789") { id } }', undefined, {});
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ processRun: null });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('passes the Authorization header through unchanged', async () => {
    t.upstream.serveRun(seedProcessRun);
    await t.gateway.query('{ processRun(id: "processrun-xyz789") { id } }', undefined, { authorization: 'Bearer a.b.c' });
    expect(t.upstream.requests[0]?.headers.authorization).toBe('Bearer a.b.c');
  });

  it('the bearer token appears in no log line and no response, even when the upstream echoes it', async () => {
    t.upstream.onAny((request, response) =>
      json(response, 401, { code: 'Unauthorized', message: 'Bad credentials', details: { received: request.headers.authorization?.length } }),
    );
    t.gateway.logs.lines.length = 0;
    const failed = await t.gateway.query('{ processRun(id: "run-1") { id } }');
    t.upstream.serveRun(seedProcessRun);
    const ok = await t.gateway.query('{ processRun(id: "processrun-xyz789") { id } }');
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(ok.body.data).toEqual({ processRun: { id: 'processrun-xyz789' } });
    expect(t.gateway.logs.lines.length).toBeGreaterThan(0);
    expect(t.gateway.logs.text).not.toContain(SECRET);
    expect(JSON.stringify(failed.body)).not.toContain(SECRET);
  });

  it('redacts an authorization header wherever a log object carries one', () => {
    const logs = new CapturedLogs();
    const logger = createLogger({ level: 'info', development: false, destination: logs });
    logger.info({ headers: { authorization: TEST_TOKEN }, req: { headers: { authorization: TEST_TOKEN } } }, 'x');
    expect(logs.text).not.toContain(SECRET);
    expect(logs.entries[0]?.headers.authorization).toBe('[REDACTED]');
  });

  it('uses the caller x-request-id on every log line of the request, upstream, and in the response', async () => {
    t.upstream.serveRun(seedProcessRun);
    const response = await fetch(`${t.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: TEST_TOKEN, 'x-request-id': 'trace-me-123' },
      body: JSON.stringify({ query: 'query Named { processRun(id: "processrun-xyz789") { id } }', operationName: 'Named' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-me-123');
    expect(t.upstream.requests[0]?.headers['x-request-id']).toBe('trace-me-123');
    const lines = t.gateway.logs.entries.filter((e) => e.requestId === 'trace-me-123');
    const upstreamLine = lines.find((e) => e.msg === 'upstream call');
    const requestLine = lines.find((e) => e.msg === 'request');
    expect(upstreamLine?.upstream).toMatchObject({ method: 'GET', path: '/processRuns/processrun-xyz789', status: 200 });
    expect(typeof upstreamLine?.upstream.durationMs).toBe('number');
    expect(requestLine).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operationName: 'Named' });
  });

  it('replaces an unusable x-request-id with a generated one', async () => {
    t.upstream.serveRun(seedProcessRun);
    const response = await fetch(`${t.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: TEST_TOKEN, 'x-request-id': 'bad id\twith spaces' },
      body: JSON.stringify({ query: '{ processRun(id: "processrun-xyz789") { id } }' }),
    });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.upstream.requests[0]?.headers['x-request-id']).toBe(id);
  });

  it('masks unexpected internal errors: no stack, no upstream URL, no token', async () => {
    // A user reference with no id is a broken upstream object the resolvers refuse with a plain Error.
    t.upstream.serveRun({ ...seedProcessRun, created: { dateTime: '2024-10-30T15:03:27Z', user: {} } });
    const response = await t.gateway.query('{ processRun(id: "processrun-xyz789") { id created { user { id } } } }');
    expect(response.body.errors).toHaveLength(1);
    const [error] = response.body.errors!;
    expect(error!.message).toBe('Unexpected error.');
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(t.upstream.url);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
