import { DEMO_PROCESSES, seedProcess } from '../../src/demo/fixtures';
import {
  execute,
  expectNoErrors,
  expectOnlyError,
  faults,
  json,
  scrapeMetrics,
  useGateway,
  WORKIVA_ERROR_BODIES,
} from '../harness';

// The shared Workiva-style bodies, with a 400 about the list's $filter and a 429 that carries a retry hint.
const BODIES: Record<number, Record<string, unknown>> = {
  ...WORKIVA_ERROR_BODIES,
  400: {
    code: 'invalidRequest',
    message: 'The $filter is invalid.',
    target: '$filter',
    documentationUrl: 'http://developerdocs.example.com',
  },
  429: {
    code: '429',
    message: 'Rate limit of 1000 per 60 seconds exceeded for listJobs requests. Retry request in 10 seconds.',
  },
};

const TABLE: Array<[number, string]> = [
  [400, 'BAD_USER_INPUT'],
  [401, 'UNAUTHENTICATED'],
  [403, 'FORBIDDEN'],
  [404, 'NOT_FOUND'],
  [409, 'CONFLICT'],
  [429, 'RATE_LIMITED'],
  [500, 'UPSTREAM_ERROR'],
  [502, 'UPSTREAM_UNAVAILABLE'],
  [503, 'UPSTREAM_UNAVAILABLE'],
  [504, 'UPSTREAM_UNAVAILABLE'],
  [418, 'UPSTREAM_BAD_RESPONSE'],
];

const ENDPOINTS = [
  {
    name: 'process (GET /processes/{id})',
    query: '{ process(id: "process-abc123") { id } }',
    field: 'process',
    nullable: true,
  },
  {
    name: 'processes (GET /processes)',
    query: '{ processes(first: 5) { nodes { id } } }',
    field: 'processes',
    nullable: false,
  },
];

describe.each(ENDPOINTS)('$name – the upstream error table', ({ query, field, nullable }) => {
  // One attempt, no breaker: each row is exactly one upstream call and rows cannot affect each other.
  const t = useGateway({
    env: { UPSTREAM_MAX_ATTEMPTS: '1', UPSTREAM_BREAKER_THRESHOLD: '0', UPSTREAM_TIMEOUT_MS: '1500' },
  });

  it.each(TABLE)('upstream %i maps to %s with extensions.upstream as sent, HTTP 200', async (status, code) => {
    t.upstream.onAny((_request, response) =>
      json(response, status, BODIES[status] ?? { code: String(status) }, status === 429 ? { 'retry-after': '7' } : {}),
    );
    const result = await execute(t.gateway, query);
    expect(result.status).toBe(200);
    const error = expectOnlyError(result, code);
    expect(error.path).toEqual([field]);
    expect(error.extensions?.http).toBeUndefined();
    expect(error.extensions?.upstream).toEqual({ status, ...(BODIES[status] ?? { code: String(status) }) });
    if (status === 429) expect(error.extensions?.retryAfter).toBe(7);
    // A non-null `processes` takes `data` with it; a nullable `process` is null.
    expect(result.body.data).toEqual(nullable ? { [field]: null } : null);
    expect(t.upstream.requests).toHaveLength(1);
  });

  it.each([
    ['a body that is not JSON', 'UPSTREAM_BAD_RESPONSE', faults.invalidJson()],
    ['a cut JSON body', 'UPSTREAM_BAD_RESPONSE', faults.truncatedJson()],
    ['a reset connection', 'UPSTREAM_UNREACHABLE', faults.reset()],
    ['no answer before the deadline', 'UPSTREAM_TIMEOUT', faults.stallBeforeHeaders()],
  ])('%s is %s', async (_name, code, handler) => {
    t.upstream.onAny(handler);
    expectOnlyError(await execute(t.gateway, query), code);
  });

  it('without an Authorization header: UNAUTHENTICATED, no upstream call', async () => {
    const result = await execute(t.gateway, query, undefined, { headers: { authorization: '' } });
    expectOnlyError(result, 'UNAUTHENTICATED');
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('the caller token, X-Version and the request id reach the upstream', async () => {
    t.upstream.onAny((_request, response) => json(response, 404, BODIES[404]));
    await execute(t.gateway, query, undefined, { headers: { 'x-request-id': 'req-processes-1' } });
    const [request] = t.upstream.requests;
    expect(request!.headers.authorization).toBe('Bearer test-secret-token-abc123');
    expect(request!.headers['x-version']).toBe('2026-04-01.processes.preview');
    expect(request!.headers['x-request-id']).toBe('req-processes-1');
  });
});

describe('processes and process – retries, body cap and logs apply as to processRun', () => {
  const t = useGateway({ env: { UPSTREAM_RETRY_BASE_DELAY_MS: '1', UPSTREAM_MAX_BODY_BYTES: '200000' } });

  it('a 503 then a 200 is retried once and succeeds', async () => {
    t.upstream.onProcessList(
      faults.failFirst(1, faults.status(503, BODIES[503]), (_request, response) =>
        json(response, 200, { data: DEMO_PROCESSES.slice(0, 2) }),
      ),
    );
    expectNoErrors(await execute(t.gateway, '{ processes(first: 2) { nodes { id } } }'));
    expect(t.upstream.requests).toHaveLength(2);
  });

  it('a body over UPSTREAM_MAX_BODY_BYTES is UPSTREAM_BAD_RESPONSE', async () => {
    t.upstream.onProcessList(faults.oversized(300_000));
    expectOnlyError(await execute(t.gateway, '{ processes(first: 2) { nodes { id } } }'), 'UPSTREAM_BAD_RESPONSE');
  });

  it('the upstream call log line names the endpoint', async () => {
    t.upstream.serveProcess(seedProcess).onProcessList((_request, response) => json(response, 200, { data: [] }));
    const headers = { 'x-request-id': 'req-endpoint-names' };
    expectNoErrors(
      await execute(t.gateway, '{ process(id: "process-abc123") { id } processes { nodes { id } } }', undefined, {
        headers,
      }),
    );
    const calls = t.gateway.logs.entries
      .filter((entry) => entry.msg === 'upstream call' && entry.requestId === 'req-endpoint-names')
      .map((entry) => entry.upstream.endpoint)
      .sort();
    expect(calls).toEqual(['getProcess', 'listProcesses']);
  });
});

describe('processes and process – metrics label the endpoint', () => {
  const t = useGateway();

  it('gateway_upstream_request_duration_seconds carries endpoint="getProcess" / "listProcesses"', async () => {
    t.upstream.serveProcess(seedProcess).onProcessList((_request, response) => json(response, 200, { data: [] }));
    expectNoErrors(await execute(t.gateway, '{ process(id: "process-abc123") { id } processes { nodes { id } } }'));
    const text = await scrapeMetrics(t.gateway);
    for (const endpoint of ['getProcess', 'listProcesses']) {
      expect(text).toMatch(
        new RegExp(
          `gateway_upstream_request_duration_seconds_count\\{endpoint="${endpoint}",status="200",outcome="ok"\\} 1`,
        ),
      );
    }
  });
});
