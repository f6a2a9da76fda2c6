import { seedProcessRun } from '../../src/demo/fixtures';
import { RunDocument } from '../generated/graphql';
import {
  closedPort,
  execute,
  faults,
  useGateway,
  withGateway,
  type ExecutionResult,
  type FakeHandler,
  type FakeUpstream,
  WORKIVA_ERROR_BODIES,
} from '../harness';

const QUERY = RunDocument;
const SERVED = { data: { processRun: { id: 'run-1', name: 'Q4 2024 Financial Close' } } };

// Small numbers keep the suite fast: an 800 ms deadline, 20–100 ms backoff, a 64 KiB body cap.
const ENV = {
  UPSTREAM_TIMEOUT_MS: '800',
  UPSTREAM_RETRY_BASE_DELAY_MS: '20',
  UPSTREAM_RETRY_MAX_DELAY_MS: '100',
  UPSTREAM_MAX_BODY_BYTES: String(64 * 1024),
  // The breaker has its own suite; here every row starts from a closed one.
  UPSTREAM_BREAKER_THRESHOLD: '0',
};

const WORKIVA_BODIES = WORKIVA_ERROR_BODIES;

interface FaultRow {
  name: string;
  handler: () => FakeHandler;
  code: string;
  attempts: number;
  /**
   * Upper bound on the whole operation, in ms. It only catches a hang or a wait the upstream asked for past the
   * deadline (30 s, 2 min): with an 800 ms deadline and 20–100 ms backoff every row ends within ~1 s, so 10 s is
   * safe on a loaded 2-core machine.
   */
  withinMs: number;
  retryAfter?: number | [number, number];
}

const FAULTS: FaultRow[] = [
  ...([400, 401, 403, 404, 409] as const).map((status) => ({
    name: `upstream ${status} is answered at once, never retried`,
    handler: () => faults.status(status, WORKIVA_BODIES[status]),
    code: { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' }[
      status
    ],
    attempts: 1,
    withinMs: 10_000,
  })),
  {
    name: 'upstream 500 is not retried',
    handler: () => faults.status(500, WORKIVA_BODIES[500]),
    code: 'UPSTREAM_ERROR',
    attempts: 1,
    withinMs: 10_000,
  },
  ...([502, 503, 504] as const).map((status) => ({
    name: `upstream ${status} is retried until attempts run out and stays UPSTREAM_UNAVAILABLE`,
    handler: () => faults.status(status, WORKIVA_BODIES[status]),
    code: 'UPSTREAM_UNAVAILABLE',
    attempts: 3,
    withinMs: 10_000,
  })),
  {
    name: 'upstream 429 with Retry-After 30 (seconds) longer than the deadline is answered at once',
    handler: () => faults.status(429, WORKIVA_BODIES[429], { 'retry-after': '30' }),
    code: 'RATE_LIMITED',
    attempts: 1,
    withinMs: 10_000,
    retryAfter: 30,
  },
  {
    name: 'upstream 429 with a Retry-After HTTP-date two minutes ahead is answered at once',
    handler: () =>
      faults.status(429, WORKIVA_BODIES[429], { 'retry-after': new Date(Date.now() + 120_000).toUTCString() }),
    code: 'RATE_LIMITED',
    attempts: 1,
    withinMs: 10_000,
    // Seconds from the date (119–120 when written); 10 s of room for a loaded machine before the gateway reads it.
    retryAfter: [110, 120],
  },
  {
    name: 'upstream 429 without Retry-After is retried with backoff and stays RATE_LIMITED',
    handler: () => faults.status(429, WORKIVA_BODIES[429]),
    code: 'RATE_LIMITED',
    attempts: 3,
    withinMs: 10_000,
  },
  {
    name: 'upstream 503 with Retry-After 5 is answered at once with retryAfter',
    handler: () => faults.status(503, WORKIVA_BODIES[503], { 'retry-after': '5' }),
    code: 'UPSTREAM_UNAVAILABLE',
    attempts: 1,
    withinMs: 10_000,
    retryAfter: 5,
  },
  {
    name: 'a stall before headers ends at the deadline',
    handler: faults.stallBeforeHeaders,
    code: 'UPSTREAM_TIMEOUT',
    attempts: 1,
    withinMs: 10_000,
  },
  {
    name: 'a stall in the middle of the body ends at the deadline',
    handler: faults.stallMidBody,
    code: 'UPSTREAM_TIMEOUT',
    attempts: 1,
    withinMs: 10_000,
  },
  {
    name: 'a reset connection is retried, then UPSTREAM_UNREACHABLE',
    handler: faults.reset,
    code: 'UPSTREAM_UNREACHABLE',
    attempts: 3,
    withinMs: 10_000,
  },
  {
    name: 'a 200 body that is not JSON is not retried',
    handler: faults.invalidJson,
    code: 'UPSTREAM_BAD_RESPONSE',
    attempts: 1,
    withinMs: 10_000,
  },
  {
    name: 'a 200 body with truncated JSON is not retried',
    handler: faults.truncatedJson,
    code: 'UPSTREAM_BAD_RESPONSE',
    attempts: 1,
    withinMs: 10_000,
  },
  {
    name: 'a body over UPSTREAM_MAX_BODY_BYTES announced by Content-Length is refused',
    handler: () => faults.oversized(1024 * 1024),
    code: 'UPSTREAM_BAD_RESPONSE',
    attempts: 1,
    withinMs: 10_000,
  },
  {
    name: 'a chunked body that grows over UPSTREAM_MAX_BODY_BYTES is cut off',
    handler: () => faults.oversized(1024 * 1024, true),
    code: 'UPSTREAM_BAD_RESPONSE',
    attempts: 1,
    withinMs: 10_000,
  },
];

describe('upstream resilience – fault matrix (code, attempts, time, recovery)', () => {
  const t = useGateway({ env: ENV, warmUp: true });

  async function timedQuery(): Promise<{ response: ExecutionResult; elapsedMs: number }> {
    const started = performance.now();
    const response = await execute(t.gateway, QUERY, { id: 'run-1' });
    return { response, elapsedMs: performance.now() - started };
  }

  async function expectServedNext(): Promise<void> {
    t.upstream.reset();
    t.upstream.serveRun({ ...seedProcessRun, id: 'run-1' });
    const { response } = await timedQuery();
    expect(response.body).toEqual(SERVED);
    expect(t.upstream.runRequests).toHaveLength(1);
  }

  it.each(FAULTS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    t.upstream.onAny(row.handler());
    const { response, elapsedMs } = await timedQuery();
    const error = response.body.errors?.[0];
    const seen = { code: error?.extensions?.code, attempts: t.upstream.runRequests.length, body: response.body };
    expect(seen).toMatchObject({ code: row.code, attempts: row.attempts });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ processRun: null });
    expect(elapsedMs).toBeLessThan(row.withinMs);
    if (typeof row.retryAfter === 'number') expect(error?.extensions?.retryAfter).toBe(row.retryAfter);
    if (Array.isArray(row.retryAfter)) {
      expect(error?.extensions?.retryAfter).toBeGreaterThanOrEqual(row.retryAfter[0]);
      expect(error?.extensions?.retryAfter).toBeLessThanOrEqual(row.retryAfter[1]);
    }
    await expectServedNext();
  });

  it('a stall before headers takes at least the deadline, not less', async () => {
    t.upstream.onAny(faults.stallBeforeHeaders());
    const { response, elapsedMs } = await timedQuery();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    // A lower bound: timers never fire early, so load can only make this longer.
    expect(elapsedMs).toBeGreaterThanOrEqual(780);
  });

  it('502 twice then 200 is served on the third attempt', async () => {
    t.upstream.onAny(
      faults.failFirst(
        2,
        faults.status(502, WORKIVA_BODIES[502]),
        faults.status(200, { ...seedProcessRun, id: 'run-1' }),
      ),
    );
    const { response } = await timedQuery();
    expect(response.body).toEqual(SERVED);
    expect(t.upstream.runRequests).toHaveLength(3);
  });

  it('a reset then 200 is served on the second attempt', async () => {
    t.upstream.onAny(faults.failFirst(1, faults.reset(), faults.status(200, { ...seedProcessRun, id: 'run-1' })));
    const { response } = await timedQuery();
    expect(response.body).toEqual(SERVED);
    expect(t.upstream.runRequests).toHaveLength(2);
  });

  it('logs every retry with its attempt, delay and reason', async () => {
    t.upstream.onAny(
      faults.failFirst(
        1,
        faults.status(503, WORKIVA_BODIES[503]),
        faults.status(200, { ...seedProcessRun, id: 'run-1' }),
      ),
    );
    const before = t.gateway.logs.entries.length;
    const { response } = await timedQuery();
    expect(response.body).toEqual(SERVED);
    const retries = t.gateway.logs.entries.slice(before).filter((entry) => entry.msg === 'upstream retry');
    expect(retries).toHaveLength(1);
    expect(retries[0]!.upstream).toMatchObject({ attempt: 2, reason: 'status 503' });
    expect(retries[0]!.upstream.delayMs).toBeGreaterThanOrEqual(0);
  });
});

describe('upstream resilience – waits the upstream asks for', () => {
  // A 10 s deadline: the asked-for waits (1–2 s) fit with room to spare on a loaded machine.
  const t = useGateway({ env: { ...ENV, UPSTREAM_TIMEOUT_MS: '10000' } });

  it('Retry-After: 1 within the deadline is waited as one second (not one millisecond), then served', async () => {
    t.upstream.onAny(
      faults.failFirst(
        1,
        faults.status(429, WORKIVA_BODIES[429], { 'retry-after': '1' }),
        faults.status(200, { ...seedProcessRun, id: 'run-1' }),
      ),
    );
    const started = performance.now();
    const response = await execute(t.gateway, QUERY, { id: 'run-1' });
    const elapsedMs = performance.now() - started;
    expect(response.body).toEqual(SERVED);
    expect(t.upstream.runRequests).toHaveLength(2);
    // The lower bound is the point (seconds, not milliseconds) and load only lengthens it; the upper one just
    // says the wait was not some other unit, with 8 s of room for a loaded machine.
    expect(elapsedMs).toBeGreaterThanOrEqual(990);
    expect(elapsedMs).toBeLessThan(9_000);
  });

  it('a Retry-After HTTP-date within the deadline is waited, then served', async () => {
    const date = () => new Date(Date.now() + 2_000).toUTCString();
    t.upstream.onAny(
      faults.failFirst(
        1,
        (r, res, raw) => faults.status(503, WORKIVA_BODIES[503], { 'retry-after': date() })(r, res, raw),
        faults.status(200, { ...seedProcessRun, id: 'run-1' }),
      ),
    );
    const started = performance.now();
    const response = await execute(t.gateway, QUERY, { id: 'run-1' });
    expect(response.body).toEqual(SERVED);
    expect(t.upstream.runRequests).toHaveLength(2);
    // An HTTP-date has one-second resolution: 1–2 s from now. A lower bound: load only lengthens it.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('upstream resilience – a refused connection', () => {
  it('is retried three times, then answered UPSTREAM_UNREACHABLE', async () => {
    const port = await closedPort();
    await withGateway(
      ENV,
      async (gateway) => {
        const started = performance.now();
        const response = await execute(gateway, QUERY, { id: 'run-1' });
        // Three refusals and two 20–100 ms waits take well under 1 s; 10 s only catches a hang, even on a loaded machine.
        expect(performance.now() - started).toBeLessThan(10_000);
        expect(response.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNREACHABLE');
        const attempts = gateway.logs.entries
          .filter((entry) => entry.msg === 'upstream call')
          .map((entry) => entry.upstream.attempt);
        expect(attempts).toEqual([1, 2, 3]);
      },
      { upstreamUrl: `http://127.0.0.1:${port}` },
    );
  });
});

describe('upstream resilience – which answer decides', () => {
  const t = useGateway({ env: ENV, warmUp: true });

  it('503 then silence until the deadline: the 503 decides, not the timeout', async () => {
    t.upstream.onAny(faults.failFirst(1, faults.status(503, WORKIVA_BODIES[503]), faults.stallBeforeHeaders()));
    const response = await execute(t.gateway, QUERY, { id: 'run-1' });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { status: 503 },
    });
    expect(t.upstream.runRequests).toHaveLength(2);
  });

  it('a reset then silence until the deadline: the reset decides (the retry ran out of time, the upstream was unreachable)', async () => {
    t.upstream.onAny(faults.failFirst(1, faults.reset(), faults.stallBeforeHeaders()));
    const response = await execute(t.gateway, QUERY, { id: 'run-1' });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNREACHABLE');
    expect(t.upstream.runRequests).toHaveLength(2);
  });

  it('429 then 503: the last answer decides', async () => {
    t.upstream.onAny(
      faults.failFirst(1, faults.status(429, WORKIVA_BODIES[429]), faults.status(503, WORKIVA_BODIES[503])),
    );
    const response = await execute(t.gateway, QUERY, { id: 'run-1' });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { status: 503 },
    });
    expect(t.upstream.runRequests).toHaveLength(3);
  });

  it('UPSTREAM_MAX_ATTEMPTS bounds the attempts', async () => {
    const unavailable = {
      upstream: (upstream: FakeUpstream) => upstream.onAny(faults.status(503, WORKIVA_BODIES[503])),
    };
    await withGateway(
      { ...ENV, UPSTREAM_MAX_ATTEMPTS: '1' },
      async (single) => {
        expect((await execute(single, QUERY, { id: 'run-1' })).body.errors?.[0]?.extensions?.code).toBe(
          'UPSTREAM_UNAVAILABLE',
        );
        expect(single.upstream.runRequests).toHaveLength(1);
      },
      unavailable,
    );
    await withGateway(
      { ...ENV, UPSTREAM_MAX_ATTEMPTS: '5', UPSTREAM_TIMEOUT_MS: '3000' },
      async (five) => {
        expect((await execute(five, QUERY, { id: 'run-1' })).body.errors?.[0]?.extensions?.code).toBe(
          'UPSTREAM_UNAVAILABLE',
        );
        expect(five.upstream.runRequests).toHaveLength(5);
      },
      unavailable,
    );
  });

  it('a backoff wait longer than the deadline left is not waited: the 503 is answered at once', async () => {
    // Decorrelated jitter can draw a near-zero first wait; with a 60 s scale the odds of one under 800 ms are ~1e-4.
    await withGateway(
      { ...ENV, UPSTREAM_RETRY_BASE_DELAY_MS: '60000', UPSTREAM_RETRY_MAX_DELAY_MS: '600000' },
      async (slowBackoff) => {
        slowBackoff.upstream.onAny(faults.status(503, WORKIVA_BODIES[503]));
        const started = performance.now();
        const response = await execute(slowBackoff, QUERY, { id: 'run-1' });
        expect(response.body.errors?.[0]?.extensions).toMatchObject({
          code: 'UPSTREAM_UNAVAILABLE',
          upstream: { status: 503 },
        });
        expect(slowBackoff.upstream.runRequests).toHaveLength(1);
        expect(slowBackoff.logs.entries.filter((entry) => entry.msg === 'upstream retry')).toEqual([]);
        // Any wait would run into the 800 ms deadline; the answer itself is one loopback round trip (a few ms warm),
        // so "before the deadline" keeps >100x headroom. The warm-up keeps a cold start out of the measurement.
        expect(performance.now() - started).toBeLessThan(800);
      },
      { warmUp: true },
    );
  });

  it('a retry over the local rate budget is not made; the upstream answer stands', async () => {
    await withGateway(
      { ...ENV, UPSTREAM_RATE_LIMIT: '2/60s' },
      async (budgeted) => {
        const response = await execute(budgeted, QUERY, { id: 'run-1' });
        expect(response.body.errors?.[0]?.extensions).toMatchObject({
          code: 'UPSTREAM_UNAVAILABLE',
          upstream: { status: 503 },
        });
        expect(budgeted.upstream.runRequests).toHaveLength(2);
      },
      { upstream: (upstream) => upstream.onAny(faults.status(503, WORKIVA_BODIES[503])) },
    );
  });
});

describe('upstream resilience – keep-alive pool', () => {
  it('reuses sockets across operations and opens at most UPSTREAM_MAX_SOCKETS per origin', async () => {
    await withGateway({ ...ENV, UPSTREAM_MAX_SOCKETS: '2' }, async (gateway) => {
      const { upstream } = gateway;
      // The 50 ms hold keeps the six aliased calls overlapping, so a pool without a cap would open more sockets.
      upstream.onAny(async (request, response) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const id = decodeURIComponent(request.path.split('/').pop()!);
        faults.status(200, { ...seedProcessRun, id })(request, response, undefined as never);
      });
      for (let i = 0; i < 3; i += 1) expect((await execute(gateway, QUERY, { id: 'run-1' })).body).toEqual(SERVED);
      expect(upstream.connectionsOpened).toBe(1);
      const aliases = Array.from({ length: 6 }, (_, i) => `r${i}: processRun(id: "run-${i}") { id }`).join(' ');
      const response = await execute(gateway, `{ ${aliases} }`);
      expect(response.body.errors).toBeUndefined();
      expect(Object.keys(response.body.data ?? {})).toHaveLength(6);
      expect(upstream.runRequests).toHaveLength(9);
      expect(upstream.connectionsOpened).toBeLessThanOrEqual(2);
    });
  });
});
