import pino from 'pino';
import { seedProcessRun } from '../../src/demo/fixtures';
import { passthroughCredentials } from '../../src/upstream/credentials';
import { ProcessesClient, type UpstreamCall } from '../../src/upstream/processes-client';
import { UpstreamError } from '../../src/errors/upstream-failure';
import { RunDocument } from '../generated/graphql';
import {
  closedPort,
  execute,
  faults,
  httpGet,
  metricSample,
  scrapeMetrics,
  useFakeUpstream,
  useGateway,
  waitFor,
  withGateway,
} from '../harness';

const SERVED = { data: { processRun: { id: 'run-1', name: 'Q4 2024 Financial Close' } } };
const UNAVAILABLE = faults.status(503, { code: '503', message: 'Service Unavailable.' });

// Two failed calls (each after its 3 attempts) open the breaker; a probe is allowed 1.5 s later. The tests check the
// open state with two or three loopback requests right after it opens: 1.5 s is room enough on a loaded 2-core
// machine, and the wait for the half-open state polls /ready instead of sleeping a guessed time.
const HALF_OPEN_AFTER_MS = 1_500;
const ENV = {
  UPSTREAM_TIMEOUT_MS: '800',
  UPSTREAM_RETRY_BASE_DELAY_MS: '10',
  UPSTREAM_RETRY_MAX_DELAY_MS: '50',
  UPSTREAM_BREAKER_THRESHOLD: '2',
  UPSTREAM_BREAKER_HALF_OPEN_AFTER_MS: String(HALF_OPEN_AFTER_MS),
};
/** The fast-fail answer while open: retryAfter counts the whole seconds left until the probe (1–2). */
const FAST_FAIL = { code: 'UPSTREAM_UNAVAILABLE', retryAfter: expect.any(Number) };
const expectRetryAfterWithinHalfOpen = (extensions: Record<string, any> | undefined) => {
  expect(extensions?.retryAfter).toBeGreaterThanOrEqual(1);
  expect(extensions?.retryAfter).toBeLessThanOrEqual(Math.ceil(HALF_OPEN_AFTER_MS / 1000));
};

describe('upstream resilience – circuit breaker through the gateway', () => {
  // A fresh gateway per test: each starts from a closed breaker.
  const t = useGateway({ env: ENV, per: 'test' });

  const codeOf = async (id = 'run-1') => (await execute(t.gateway, RunDocument, { id })).body.errors?.[0]?.extensions;
  const ready = async () => {
    const response = await httpGet(t.gateway, '/ready');
    return { status: response.status, body: response.text };
  };
  const breakerOnReady = async () => {
    const { text } = await httpGet(t.gateway, '/ready');
    return text === '' ? null : ((JSON.parse(text) as { upstreamBreaker?: string }).upstreamBreaker ?? null);
  };
  const breakerMetric = async () =>
    metricSample(await scrapeMetrics(t.gateway), 'gateway_upstream_breaker_state', {
      origin: new URL(t.upstream.url).origin,
    });
  const untilHalfOpen = () =>
    waitFor(async () => (await breakerOnReady()) === 'half-open', '/ready to report the breaker half-open');

  it('opens after N failed calls for distinct ids, fails fast without calling, stays ready (body and /metrics say open), half-opens and closes on a good probe', async () => {
    t.upstream.onAny(UNAVAILABLE);
    expect(await codeOf('run-a')).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { status: 503 } });
    expect(await ready()).toEqual({ status: 200, body: '' });
    expect(await codeOf('run-b')).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { status: 503 } });
    expect(t.upstream.runRequests).toHaveLength(6);

    // Open: the same code, no upstream call, a hint when to come back.
    t.upstream.reset();
    t.upstream.serveRun({ ...seedProcessRun, id: 'run-1' });
    const fastFail = await codeOf();
    expect(fastFail).toEqual(FAST_FAIL);
    expectRetryAfterWithinHalfOpen(fastFail);
    expect(t.upstream.runRequests).toHaveLength(0);
    // Still ready: every replica shares the upstream, and the caller gets the precise error above, not a balancer's 503.
    expect(await ready()).toEqual({ status: 200, body: JSON.stringify({ ready: true, upstreamBreaker: 'open' }) });
    expect(await breakerMetric()).toBe(2);
    expect(
      t.gateway.logs.entries.some((entry) => entry.msg.includes('circuit breaker opened') && entry.level === 40),
    ).toBe(true);

    // After the half-open delay the next call is the probe; it goes through and closes the breaker.
    await untilHalfOpen();
    expect((await ready()).status).toBe(200);
    expect((await execute(t.gateway, RunDocument, { id: 'run-1' })).body).toEqual(SERVED);
    expect(t.upstream.runRequests).toHaveLength(1);
    expect((await execute(t.gateway, RunDocument, { id: 'run-1' })).body).toEqual(SERVED);
    expect(t.upstream.runRequests).toHaveLength(2);
    expect(await ready()).toEqual({ status: 200, body: '' });
    expect(await breakerMetric()).toBe(0);
    const states = t.gateway.logs.entries
      .filter((entry) => entry.upstream?.breaker)
      .map((entry) => entry.upstream.breaker);
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('a failed probe opens it again and keeps failing fast, even for an id that failed before', async () => {
    t.upstream.onAny(UNAVAILABLE);
    await codeOf('run-a');
    await codeOf('run-b');
    await untilHalfOpen();
    t.upstream.reset();
    t.upstream.onAny(UNAVAILABLE);
    expect(await codeOf('run-a')).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { status: 503 } });
    expect(t.upstream.runRequests).toHaveLength(3);
    t.upstream.reset();
    const fastFail = await codeOf();
    expect(fastFail).toEqual(FAST_FAIL);
    expectRetryAfterWithinHalfOpen(fastFail);
    expect(t.upstream.runRequests).toHaveLength(0);
  });

  it('a poison id answering 500 again and again never opens it: another caller is served right after', async () => {
    t.upstream.onRun('poison', faults.status(500, { code: '500', message: 'Internal Server Error' }));
    t.upstream.serveRun({ ...seedProcessRun, id: 'run-1' });
    for (let round = 0; round < 5; round += 1) {
      expect(await codeOf('poison')).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status: 500 } });
      expect(await codeOf('poison')).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status: 500 } });
    }
    // Every poison request reached the upstream (500 is not retried): none was failed fast.
    expect(t.upstream.requestsTo('/processRuns/poison')).toHaveLength(10);
    expect(
      (await execute(t.gateway, RunDocument, { id: 'run-1' }, { headers: { authorization: 'Bearer another-caller' } }))
        .body,
    ).toEqual(SERVED);
    expect(await ready()).toEqual({ status: 200, body: '' });
    expect(await breakerMetric()).toBe(0);
    expect(t.gateway.logs.entries.filter((entry) => entry.upstream?.breaker)).toEqual([]);
  });

  it('the poison id does not hide upstream-wide trouble: 500s for two other ids still open it', async () => {
    t.upstream.onAny(faults.status(500, { code: '500', message: 'Internal Server Error' }));
    for (const id of ['poison', 'poison', 'poison', 'run-a'])
      expect(await codeOf(id)).toMatchObject({ code: 'UPSTREAM_ERROR' });
    expect(await breakerMetric()).toBe(2);
    t.upstream.reset();
    expect(await codeOf('run-c')).toEqual(FAST_FAIL);
    expect(t.upstream.runRequests).toHaveLength(0);
  });

  it('4xx answers never open it, and reset the failure streak', async () => {
    t.upstream.onAny(faults.status(404, { code: '404', message: 'Could not find process id run-1' }));
    for (let i = 0; i < 4; i += 1) expect(await codeOf()).toMatchObject({ code: 'NOT_FOUND' });
    t.upstream.onAny(faults.status(429, { code: '429', message: 'Slow down' }, { 'retry-after': '60' }));
    for (let i = 0; i < 4; i += 1) expect(await codeOf()).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 60 });
    // fail, 4xx, fail (distinct ids): never two in a row.
    for (const [handler, id] of [
      [UNAVAILABLE, 'run-a'],
      [faults.status(403, { code: '403', message: 'Forbidden' }), 'run-1'],
      [UNAVAILABLE, 'run-b'],
    ] as const) {
      t.upstream.onAny(handler);
      await codeOf(id);
    }
    t.upstream.reset();
    t.upstream.serveRun({ ...seedProcessRun, id: 'run-1' });
    expect((await execute(t.gateway, RunDocument, { id: 'run-1' })).body).toEqual(SERVED);
    expect(t.upstream.runRequests).toHaveLength(1);
    expect(await ready()).toEqual({ status: 200, body: '' });
  });

  it('timeouts for distinct ids count as failures', async () => {
    t.upstream.onAny(faults.stallBeforeHeaders());
    expect(await codeOf('run-a')).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(await codeOf('run-b')).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    t.upstream.reset();
    const fastFail = await codeOf();
    expect(fastFail).toEqual(FAST_FAIL);
    expectRetryAfterWithinHalfOpen(fastFail);
    expect(t.upstream.runRequests).toHaveLength(0);
  });

  it('one id timing out again and again does not open it', async () => {
    t.upstream.onRun('slow', faults.stallBeforeHeaders());
    t.upstream.serveRun({ ...seedProcessRun, id: 'run-1' });
    for (let i = 0; i < 3; i += 1) expect(await codeOf('slow')).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect((await execute(t.gateway, RunDocument, { id: 'run-1' })).body).toEqual(SERVED);
    expect(await breakerMetric()).toBe(0);
  });
});

describe('upstream resilience – refused connections open the breaker, whatever the id', () => {
  it('two calls for the same id to a closed port: the third fails fast, /ready stays 200 and says open', async () => {
    const port = await closedPort();
    await withGateway(
      ENV,
      async (gateway) => {
        const code = async () => (await execute(gateway, RunDocument, { id: 'run-1' })).body.errors?.[0]?.extensions;
        expect(await code()).toMatchObject({ code: 'UPSTREAM_UNREACHABLE' });
        expect(await code()).toMatchObject({ code: 'UPSTREAM_UNREACHABLE' });
        expect(await code()).toEqual(FAST_FAIL);
        const readiness = await httpGet(gateway, '/ready');
        expect(readiness.status).toBe(200);
        expect(JSON.parse(readiness.text)).toEqual({ ready: true, upstreamBreaker: 'open' });
        expect(gateway.logs.entries.filter((entry) => entry.msg === 'upstream call')).toHaveLength(6);
      },
      { upstreamUrl: `http://127.0.0.1:${port}` },
    );
  });
});

describe('upstream resilience – events for observers', () => {
  const fake = useFakeUpstream();

  it('emits breakerStateChanged with the origin and one retry event per retry', async () => {
    const upstream = fake.upstream;
    const logger = pino({ level: 'silent' });
    const states: Array<[string, string | undefined]> = [];
    const retries: Array<{ attempt: number; reason: string }> = [];
    const attempts: number[] = [];
    const client = new ProcessesClient({
      baseUrl: upstream.url,
      apiVersion: 'test',
      timeoutMs: 800,
      maxBodyBytes: 1024 * 1024,
      credentials: passthroughCredentials(false),
      logger,
      retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
      // As above: 1.5 s leaves room for the open-state checks on a loaded machine; the half-open wait polls.
      breaker: { threshold: 1, halfOpenAfterMs: HALF_OPEN_AFTER_MS },
      events: {
        breakerStateChanged: (state, origin) => states.push([state, origin]),
        retry: ({ attempt, reason }) => retries.push({ attempt, reason }),
        callFinished: ({ attempt }) => attempts.push(attempt),
      },
    });
    const call: UpstreamCall = { callerAuthorization: null, requestId: 'r1', logger };
    try {
      upstream.onAny(UNAVAILABLE);
      await expect(client.getProcessRun('run-1', false, call)).rejects.toBeInstanceOf(UpstreamError);
      expect(retries).toEqual([
        { attempt: 2, reason: 'status 503' },
        { attempt: 3, reason: 'status 503' },
      ]);
      expect(attempts).toEqual([1, 2, 3]);
      await expect(client.getProcessRun('run-1', false, call)).rejects.toMatchObject({
        failure: { kind: 'circuit-open' },
      });
      expect(client.breakerReport()).toBe('open');
      await waitFor(() => client.breakerReport() === 'half-open', 'the breaker to half-open');
      upstream.reset();
      upstream.serveRun({ ...seedProcessRun, id: 'run-1' });
      await expect(client.getProcessRun('run-1', false, call)).resolves.toMatchObject({ id: 'run-1' });
      expect(states).toEqual([
        ['open', upstream.url],
        ['half-open', upstream.url],
        ['closed', upstream.url],
      ]);
      expect(client.breakerReport()).toBeNull();
    } finally {
      await client.close();
    }
  });
});
