import {
  closedPort,
  execute,
  expectNoErrors,
  expectOnlyError,
  faults,
  json,
  useGateway,
  withGateway,
} from '../harness';
import { startedRun } from './write-fixtures';

const RUN = `mutation { runProcess(processId: "process-abc123") { id } }`;
const RUN_PATH = '/processes/process-abc123/run';
const TRASH = `mutation { trashProcess(processId: "process-abc123") }`;

describe('writes are never sent twice: a failure after the request may have arrived is answered with outcome UNKNOWN', () => {
  // Retries on: three attempts with short waits, so a retried write would show as a second request.
  const t = useGateway({
    env: { UPSTREAM_TIMEOUT_MS: '1500', UPSTREAM_RETRY_BASE_DELAY_MS: '10', UPSTREAM_BREAKER_THRESHOLD: '0' },
  });

  it.each([
    [502, 'UPSTREAM_UNAVAILABLE'],
    [503, 'UPSTREAM_UNAVAILABLE'],
    [504, 'UPSTREAM_UNAVAILABLE'],
    [500, 'UPSTREAM_ERROR'],
  ])('a %i on runProcess: one request, %s, outcome UNKNOWN', async (status, code) => {
    t.upstream.onPath(
      'POST',
      RUN_PATH,
      faults.status(status, { code: String(status), message: 'Service Unavailable.' }),
    );
    const error = expectOnlyError(await execute(t.gateway, RUN), code);
    expect(error.extensions).toMatchObject({ outcome: 'UNKNOWN', upstream: { status } });
    expect(t.upstream.requests).toHaveLength(1);
  });

  it('the same 503 on a read is retried (the rule depends on the method)', async () => {
    t.upstream.onAny(faults.failFirst(2, faults.status(503, { code: '503' }), faults.status(404, { code: '404' })));
    expectOnlyError(await execute(t.gateway, `{ processRun(id: "run-1") { id } }`), 'NOT_FOUND');
    expect(t.upstream.runRequests).toHaveLength(3);
  });

  it('a reset after the body was sent: one request, UPSTREAM_UNREACHABLE, outcome UNKNOWN', async () => {
    // The fake reads the whole body before the handler runs, so the reset comes after the upstream had the write.
    t.upstream.onPath('DELETE', '/processes/process-abc123', faults.reset());
    const error = expectOnlyError(await execute(t.gateway, TRASH), 'UPSTREAM_UNREACHABLE');
    expect(error.extensions!.outcome).toBe('UNKNOWN');
    expect(t.upstream.requests).toHaveLength(1);
  });

  it('no answer before the deadline: one request, UPSTREAM_TIMEOUT, outcome UNKNOWN', async () => {
    t.upstream.onPath('POST', RUN_PATH, faults.stallBeforeHeaders());
    const error = expectOnlyError(await execute(t.gateway, RUN), 'UPSTREAM_TIMEOUT');
    expect(error.extensions!.outcome).toBe('UNKNOWN');
    expect(t.upstream.requests).toHaveLength(1);
  });

  it('a 429 is retried (the upstream refused it) and the retry succeeds', async () => {
    t.upstream.onPath(
      'POST',
      RUN_PATH,
      faults.failFirst(1, faults.status(429, { code: '429' }), (_request, response) => json(response, 201, startedRun)),
    );
    expect(expectNoErrors(await execute(t.gateway, RUN)).runProcess).toEqual({ id: startedRun.id });
    expect(t.upstream.requests).toHaveLength(2);
    expect(t.upstream.requests[0]!.body).toBe(t.upstream.requests[1]!.body);
  });

  it('a 429 retried and the retry then times out: the timeout is the answer (UNKNOWN), not the earlier 429', async () => {
    t.upstream.onPath(
      'POST',
      RUN_PATH,
      faults.failFirst(1, faults.status(429, { code: '429' }), faults.stallBeforeHeaders()),
    );
    const error = expectOnlyError(await execute(t.gateway, RUN), 'UPSTREAM_TIMEOUT');
    expect(error.extensions!.outcome).toBe('UNKNOWN');
    expect(t.upstream.requests).toHaveLength(2);
  });

  it('a 429 asking for a wait past the deadline is answered at once with retryAfter and outcome NOT_APPLIED', async () => {
    t.upstream.onPath(
      'POST',
      RUN_PATH,
      faults.status(429, { code: '429', message: 'Retry request in 10 seconds.' }, { 'retry-after': '10' }),
    );
    const error = expectOnlyError(await execute(t.gateway, RUN), 'RATE_LIMITED');
    expect(error.extensions!.retryAfter).toBe(10);
    expect(error.extensions!.outcome).toBe('NOT_APPLIED');
    expect(t.upstream.requests).toHaveLength(1);
  });

  it('a 409 is an answer: CONFLICT, outcome NOT_APPLIED (the upstream did not act), one request', async () => {
    t.upstream.onPath('POST', RUN_PATH, faults.status(409, { code: '409', message: 'Process is already running' }));
    const error = expectOnlyError(await execute(t.gateway, RUN), 'CONFLICT');
    expect(error.extensions).toMatchObject({ upstream: { status: 409, message: 'Process is already running' } });
    expect(error.extensions!.outcome).toBe('NOT_APPLIED');
    expect(t.upstream.requests).toHaveLength(1);
  });

  it('a 403 on a write says the credentials do not allow the change (not "reading"), outcome NOT_APPLIED', async () => {
    t.upstream.onPath('POST', RUN_PATH, faults.status(403, { code: '403', message: 'Forbidden' }));
    const run = expectOnlyError(await execute(t.gateway, RUN), 'FORBIDDEN');
    expect(run.message).toBe('The credentials do not allow changing this process.');
    expect(run.extensions!.outcome).toBe('NOT_APPLIED');
    t.upstream.onPath('POST', '/processRuns/run-1/jobRuns', faults.status(403, { code: '403' }));
    const add = expectOnlyError(
      await execute(
        t.gateway,
        `mutation { addJobRuns(processRunId: "run-1", jobs: [{ action: SEND_TASK, arguments: { sendTask: { title: "t", assignee: "u" } } }]) { id } }`,
      ),
      'FORBIDDEN',
    );
    expect(add.message).toBe('The credentials do not allow changing this process run.');
  });
});

describe('writes that provably never left are retried or answered at once, with outcome NOT_APPLIED', () => {
  it('connection refused: retried up to UPSTREAM_MAX_ATTEMPTS, then UPSTREAM_UNREACHABLE with outcome NOT_APPLIED', async () => {
    const port = await closedPort();
    await withGateway(
      { UPSTREAM_RETRY_BASE_DELAY_MS: '10', UPSTREAM_MAX_ATTEMPTS: '3' },
      async (gateway) => {
        const error = expectOnlyError(await execute(gateway, RUN), 'UPSTREAM_UNREACHABLE');
        expect(error.extensions!.outcome).toBe('NOT_APPLIED');
        const attempts = gateway.logs.entries.filter(
          (entry) => entry.msg === 'upstream call' && entry.upstream?.method === 'POST',
        );
        expect(attempts.map((entry) => entry.upstream.attempt)).toEqual([1, 2, 3]);
        expect(
          gateway.logs.entries.filter((entry) => entry.msg === 'upstream retry').map((entry) => entry.upstream.reason),
        ).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
      },
      { upstreamUrl: `http://127.0.0.1:${port}` },
    );
  });

  it('the breaker open: UPSTREAM_UNAVAILABLE at once, no request, outcome NOT_APPLIED', async () => {
    await withGateway({ UPSTREAM_BREAKER_THRESHOLD: '1' }, async (gateway) => {
      gateway.upstream.onAny(faults.status(503, { code: '503' }));
      expect(expectOnlyError(await execute(gateway, RUN), 'UPSTREAM_UNAVAILABLE').extensions!.outcome).toBe('UNKNOWN');
      const error = expectOnlyError(await execute(gateway, RUN), 'UPSTREAM_UNAVAILABLE');
      expect(error.extensions!.outcome).toBe('NOT_APPLIED');
      expect(gateway.upstream.requests).toHaveLength(1);
    });
  });

  it('the local rate budget spent: RATE_LIMITED at once, no request, outcome NOT_APPLIED', async () => {
    await withGateway({ UPSTREAM_RATE_LIMIT: '1/60s' }, async (gateway) => {
      gateway.upstream.onAny((_request, response) => json(response, 201, startedRun));
      expectNoErrors(await execute(gateway, RUN));
      const error = expectOnlyError(await execute(gateway, RUN), 'RATE_LIMITED');
      expect(error.extensions!.outcome).toBe('NOT_APPLIED');
      expect(gateway.upstream.requests).toHaveLength(1);
    });
  });
});
