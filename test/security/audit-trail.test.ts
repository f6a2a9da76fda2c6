import { seedProcessRun } from '../../src/demo/fixtures';
import { execute, json, TEST_TOKEN, useGateway } from '../harness';

const RUN = (id: string) => `mutation { runProcess(processId: "${id}") { id } }`;

describe('audit trail – one event per mutation, never a token', () => {
  const t = useGateway();
  const auditEvents = () => t.gateway.logs.entries.filter((entry) => entry.name === 'audit');

  afterEach(() => {
    // No log line, audit or other, carries the caller's token.
    expect(t.gateway.logs.text).not.toContain(TEST_TOKEN.replace(/^Bearer /, ''));
    t.gateway.logs.lines.length = 0;
  });

  it('an applied write: caller as a credential HMAC, target, created id, APPLIED, the upstream status', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) =>
      json(response, 201, { ...seedProcessRun, id: 'run-9' }),
    );
    const result = await execute(t.gateway, RUN('process-abc123'), undefined, {
      headers: { 'x-request-id': 'req-audit-1' },
    });
    expect(result.body).toEqual({ data: { runProcess: { id: 'run-9' } } });
    const events = auditEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toEqual({
      level: 30,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'process-runs-gateway',
      name: 'audit',
      requestId: 'req-audit-1',
      msg: 'audit',
      audit: {
        caller: { credentialHash: expect.stringMatching(/^[\w-]{32}$/) },
        mutation: 'runProcess',
        targets: { processId: 'process-abc123', created: 'run-9' },
        outcome: 'APPLIED',
        upstreamStatus: 201,
        code: null,
      },
    });
  });

  it('the same credential gets the same hash; another credential another one', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) =>
      json(response, 201, { ...seedProcessRun, id: 'run-9' }),
    );
    await execute(t.gateway, RUN('process-abc123'));
    await execute(t.gateway, RUN('process-abc123'));
    await execute(t.gateway, RUN('process-abc123'), undefined, { headers: { authorization: 'Bearer someone-else' } });
    const hashes = auditEvents().map((event) => event.audit.caller.credentialHash);
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  it('a write refused by validation: NOT_APPLIED, BAD_USER_INPUT, no upstream status, no upstream call', async () => {
    const result = await execute(t.gateway, RUN('..'));
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(t.upstream.requests).toEqual([]);
    expect(auditEvents().map((event) => event.audit)).toEqual([
      {
        caller: { credentialHash: expect.any(String) },
        mutation: 'runProcess',
        targets: {},
        outcome: 'NOT_APPLIED',
        upstreamStatus: null,
        code: 'BAD_USER_INPUT',
      },
    ]);
  });

  it('a write the upstream refuses: NOT_APPLIED with its status', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) =>
      json(response, 403, { code: 'Forbidden', message: 'no' }),
    );
    const result = await execute(t.gateway, RUN('process-abc123'));
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(auditEvents().map((event) => event.audit)).toEqual([
      {
        caller: { credentialHash: expect.any(String) },
        mutation: 'runProcess',
        targets: { processId: 'process-abc123' },
        outcome: 'NOT_APPLIED',
        upstreamStatus: 403,
        code: 'FORBIDDEN',
      },
    ]);
  });

  it('a write whose outcome is unknown (upstream 500, not retried): UNKNOWN with the status', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) =>
      json(response, 500, { code: 'InternalError', message: 'boom' }),
    );
    const result = await execute(t.gateway, RUN('process-abc123'));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', outcome: 'UNKNOWN' });
    expect(auditEvents().map((event) => event.audit)).toEqual([
      {
        caller: { credentialHash: expect.any(String) },
        mutation: 'runProcess',
        targets: { processId: 'process-abc123' },
        outcome: 'UNKNOWN',
        upstreamStatus: 500,
        code: 'UPSTREAM_ERROR',
      },
    ]);
  });

  it('a query leaves no audit event', async () => {
    t.upstream.serveRun({ ...seedProcessRun, id: 'run-1' });
    await execute(t.gateway, '{ processRun(id: "run-1") { id } }');
    expect(auditEvents()).toEqual([]);
  });
});
