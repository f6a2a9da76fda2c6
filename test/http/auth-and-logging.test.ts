import { seedProcessRun } from '../../src/demo/fixtures';
import { createLogger } from '../../src/server/logger';
import { CapturedLogs, execute, expectOnlyError, json, TEST_TOKEN, useGateway } from '../harness';

const SECRET = TEST_TOKEN.replace('Bearer ', '');

describe('credentials, request ids and logs', () => {
  const t = useGateway();

  it('an operation without Authorization gets UNAUTHENTICATED and makes no upstream call', async () => {
    t.upstream.serveRun(seedProcessRun);
    const response = await execute(t.gateway, '{ processRun(id: "processrun-xyz789") { id } }', undefined, {
      headers: { authorization: undefined },
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ processRun: null });
    expectOnlyError(response, 'UNAUTHENTICATED');
    // The whole answer: what a client without a token sees is the point.
    expect(response.body).toEqual({
      data: { processRun: null },
      errors: [
        {
          message: 'An Authorization header is required.',
          locations: [{ line: 1, column: 3 }],
          path: ['processRun'],
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('passes the Authorization header through unchanged', async () => {
    t.upstream.serveRun(seedProcessRun);
    await execute(t.gateway, '{ processRun(id: "processrun-xyz789") { id } }', undefined, {
      headers: { authorization: 'Bearer a.b.c' },
    });
    expect(t.upstream.requests[0]?.headers.authorization).toBe('Bearer a.b.c');
  });

  it('the bearer token appears in no log line and no response, even when the upstream echoes it', async () => {
    t.upstream.onAny((request, response) =>
      json(response, 401, {
        code: 'Unauthorized',
        message: 'Bad credentials',
        details: { received: request.headers.authorization?.length },
      }),
    );
    t.gateway.logs.lines.length = 0;
    const failed = await execute(t.gateway, '{ processRun(id: "run-1") { id } }');
    t.upstream.serveRun(seedProcessRun);
    const ok = await execute(t.gateway, '{ processRun(id: "processrun-xyz789") { id } }');
    expectOnlyError(failed, 'UNAUTHENTICATED');
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
    const response = await execute(t.gateway, 'query Named { processRun(id: "processrun-xyz789") { id } }', undefined, {
      headers: { 'x-request-id': 'trace-me-123' },
      operationName: 'Named',
    });
    expect(response.headers.get('x-request-id')).toBe('trace-me-123');
    expect(t.upstream.requests[0]?.headers['x-request-id']).toBe('trace-me-123');
    const lines = t.gateway.logs.entries.filter((e) => e.requestId === 'trace-me-123');
    const upstreamLine = lines.find((e) => e.msg === 'upstream call');
    const requestLine = lines.find((e) => e.msg === 'request');
    expect(upstreamLine?.upstream).toMatchObject({
      method: 'GET',
      path: '/processRuns/processrun-xyz789',
      status: 200,
    });
    expect(typeof upstreamLine?.upstream.durationMs).toBe('number');
    expect(requestLine).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operationName: 'Named' });
  });

  it('replaces an unusable x-request-id with a generated one', async () => {
    t.upstream.serveRun(seedProcessRun);
    const response = await execute(t.gateway, '{ processRun(id: "processrun-xyz789") { id } }', undefined, {
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.upstream.requests[0]?.headers['x-request-id']).toBe(id);
  });

  it('masks unexpected internal errors: no stack, no upstream URL, no token', async () => {
    // A user reference with no id is a broken upstream object the resolvers refuse with a plain Error.
    t.upstream.serveRun({ ...seedProcessRun, created: { dateTime: '2024-10-30T15:03:27Z', user: {} } });
    const response = await execute(t.gateway, '{ processRun(id: "processrun-xyz789") { id created { user { id } } } }');
    expect(response.body.errors).toHaveLength(1);
    const [error] = response.body.errors!;
    expect(error!.message).toBe('Unexpected error.');
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(t.upstream.url);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
