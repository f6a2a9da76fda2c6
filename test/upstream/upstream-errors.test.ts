import { seedProcessRun } from '../../src/demo/fixtures';
import { RunDocument } from '../generated/graphql';
import { closedPort, execute, expectOnlyError, json, useGateway, withGateway, WORKIVA_ERROR_BODIES } from '../harness';

const BODIES = WORKIVA_ERROR_BODIES;

describe('processRun – upstream errors map to one stable extensions.code each', () => {
  // Generous enough that a cold first request on a loaded machine is never mistaken for a timeout; only the
  // never-answering row waits it out.
  const t = useGateway({ env: { UPSTREAM_TIMEOUT_MS: '1500' } });

  async function expectError(code: string) {
    const response = await execute(t.gateway, RunDocument, { id: 'run-1' });
    // Field errors never change the HTTP status of the whole response.
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ processRun: null });
    const error = expectOnlyError(response, code);
    expect(error.path).toEqual(['processRun']);
    expect(error.extensions?.http).toBeUndefined();
    return error;
  }

  it.each([
    [400, 'BAD_USER_INPUT'],
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [500, 'UPSTREAM_ERROR'],
    [502, 'UPSTREAM_UNAVAILABLE'],
    [503, 'UPSTREAM_UNAVAILABLE'],
    [504, 'UPSTREAM_UNAVAILABLE'],
  ])('upstream %i maps to %s with extensions.upstream as sent', async (status, code) => {
    t.upstream.onAny((_request, response) => json(response, status, BODIES[status]));
    const error = await expectError(code);
    expect(error.extensions?.upstream).toEqual({ status, ...BODIES[status] });
  });

  it('upstream 400 keeps target, meta and documentationUrl', async () => {
    t.upstream.onAny((_request, response) => json(response, 400, BODIES[400]));
    const error = await expectError('BAD_USER_INPUT');
    expect(error.extensions?.upstream).toEqual({
      status: 400,
      code: 'invalidUser',
      message: 'The provided user is invalid.',
      target: 'assignee',
      meta: { argumentName: 'assignee', jobId: 'job1234' },
      documentationUrl: 'http://developerdocs.example.com',
    });
  });

  it('upstream 429 maps to RATE_LIMITED with retryAfter from Retry-After seconds', async () => {
    t.upstream.onAny((_request, response) =>
      json(response, 429, { code: '429', message: 'Rate limit exceeded.' }, { 'retry-after': '30' }),
    );
    const error = await expectError('RATE_LIMITED');
    expect(error.extensions?.retryAfter).toBe(30);
    expect(error.extensions?.upstream).toEqual({ status: 429, code: '429', message: 'Rate limit exceeded.' });
    // The whole error a client reads to back off: code, hint and the upstream's own words.
    expect(error).toEqual({
      message: 'The Processes API rate limit was reached; retry later.',
      locations: [{ line: 2, column: 3 }],
      path: ['processRun'],
      extensions: {
        code: 'RATE_LIMITED',
        retryAfter: 30,
        upstream: { status: 429, code: '429', message: 'Rate limit exceeded.' },
      },
    });
  });

  it('upstream 429 maps to RATE_LIMITED with retryAfter from a Retry-After HTTP-date', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    t.upstream.onAny((_request, response) =>
      json(response, 429, { code: '429', message: 'Slow down' }, { 'retry-after': inTwoMinutes }),
    );
    const error = await expectError('RATE_LIMITED');
    // An HTTP-date has one-second resolution: 119 or 120 seconds from now, never milliseconds. The lower bound
    // leaves 10 s for the gateway to get to the answer on a loaded machine; it still tells seconds from milliseconds.
    expect(error.extensions?.retryAfter).toBeGreaterThanOrEqual(110);
    expect(error.extensions?.retryAfter).toBeLessThanOrEqual(120);
  });

  it('upstream 429 without Retry-After takes retryAfter from "Retry request in 10 seconds"', async () => {
    const body = {
      code: '429',
      message: 'Rate limit of 1000 per 60 seconds exceeded for listJobs requests. Retry request in 10 seconds.',
    };
    t.upstream.onAny((_request, response) => json(response, 429, body));
    const error = await expectError('RATE_LIMITED');
    expect(error.extensions?.retryAfter).toBe(10);
    expect(error.extensions?.upstream).toEqual({ status: 429, ...body });
  });

  it('an upstream that never answers maps to UPSTREAM_TIMEOUT', async () => {
    t.upstream.onAny(() => undefined /* hold the request open */);
    const error = await expectError('UPSTREAM_TIMEOUT');
    expect(error.extensions?.upstream).toBeUndefined();
  });

  it('a refused connection maps to UPSTREAM_UNREACHABLE', async () => {
    const port = await closedPort();
    await withGateway(
      { UPSTREAM_TIMEOUT_MS: '2000' },
      async (refused) => {
        const response = await execute(refused, RunDocument, { id: 'run-1' });
        expect(response.body.data).toEqual({ processRun: null });
        expectOnlyError(response, 'UPSTREAM_UNREACHABLE');
      },
      { upstreamUrl: `http://127.0.0.1:${port}` },
    );
  });

  it('a reset connection maps to UPSTREAM_UNREACHABLE', async () => {
    t.upstream.onAny((_request, _response, raw) => {
      raw.socket.resetAndDestroy();
    });
    await expectError('UPSTREAM_UNREACHABLE');
  });

  it('a 200 body that is not JSON maps to UPSTREAM_BAD_RESPONSE', async () => {
    t.upstream.onAny((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>maintenance</html>');
    });
    await expectError('UPSTREAM_BAD_RESPONSE');
  });

  it('a 200 JSON body that is not a process run maps to UPSTREAM_BAD_RESPONSE', async () => {
    t.upstream.onAny((_request, response) => json(response, 200, { items: [], next: null }));
    const error = await expectError('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toMatch(/not a process run/);
  });

  it('a run missing a required field maps to UPSTREAM_BAD_RESPONSE naming the field', async () => {
    const { ipmBetaEnabled: _dropped, ...withoutFlag } = seedProcessRun;
    t.upstream.onAny((_request, response) => json(response, 200, { ...withoutFlag, id: 'run-1' }));
    const error = await expectError('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toMatch(/ipmBetaEnabled/);
  });

  it('an error body that is not JSON still maps by status, without extensions.upstream fields it lacks', async () => {
    t.upstream.onAny((_request, response) => {
      response.writeHead(403, { 'content-type': 'text/plain' });
      response.end('nope');
    });
    const error = await expectError('FORBIDDEN');
    expect(error.extensions?.upstream).toEqual({ status: 403 });
  });

  it('keeps serving normally after every kind of failure', async () => {
    t.upstream.serveRun({ ...seedProcessRun, id: 'run-1' });
    const response = await execute(t.gateway, RunDocument, { id: 'run-1' });
    expect(response.body).toEqual({ data: { processRun: { id: 'run-1', name: 'Q4 2024 Financial Close' } } });
  });
});
