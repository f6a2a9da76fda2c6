import { seedProcessRun } from '../../src/demo/fixtures';
import { TokenBucket } from '../../src/upstream/resilience/token-bucket';
import { RunDocument } from '../generated/graphql';
import { execute, faults, json, useGateway } from '../harness';

const QUERY = RunDocument;
const SERVED = { data: { processRun: { id: 'run-1', name: 'Q4 2024 Financial Close' } } };
const RUN = { ...seedProcessRun, id: 'run-1' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('upstream resilience – client-side rate budget', () => {
  // 2 per 4 s: a token refills every 2 s, so the three calls below fall in one refill period even on a loaded
  // 2-core machine (they take milliseconds); the wait after the shed call is the retryAfter the gateway gave.
  const t = useGateway({
    env: { UPSTREAM_RATE_LIMIT: '2/4s', UPSTREAM_TIMEOUT_MS: '800' },
    upstream: (upstream) => upstream.serveRun(RUN),
  });

  it('sheds the call over budget with RATE_LIMITED and retryAfter, without calling upstream, then serves again', async () => {
    expect((await execute(t.gateway, QUERY, { id: 'run-1' })).body).toEqual(SERVED);
    expect((await execute(t.gateway, QUERY, { id: 'run-1' })).body).toEqual(SERVED);
    const shed = await execute(t.gateway, QUERY, { id: 'run-1' });
    expect(shed.body.data).toEqual({ processRun: null });
    expect(shed.body.errors?.[0]?.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfter: expect.any(Number),
      scope: 'gateway',
    });
    const retryAfter = shed.body.errors![0]!.extensions!.retryAfter as number;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect(t.upstream.runRequests).toHaveLength(2);
    await sleep(retryAfter * 1000); // the hint is whole seconds, rounded up: after it a token is there
    expect((await execute(t.gateway, QUERY, { id: 'run-1' })).body).toEqual(SERVED);
    expect(t.upstream.runRequests).toHaveLength(3);
  });
});

describe('token bucket', () => {
  it('refills continuously and says how long until the next token', () => {
    let now = 0;
    const bucket = new TokenBucket({ limit: 1000, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 1000; i += 1) expect(bucket.take()).toBeNull();
    expect(bucket.take()).toBe(60);
    now += 60;
    expect(bucket.take()).toBeNull();
    expect(bucket.take()).toBe(60);
    now += 120_000; // never more than `limit` saved up
    for (let i = 0; i < 1000; i += 1) expect(bucket.take()).toBeNull();
    expect(bucket.take()).not.toBeNull();
  });
});

describe('upstream resilience – OAuth2 client credentials', () => {
  const SECRET = 'client-secret-value-s3cr3t';
  let issued: number;
  // A fresh gateway per test: each starts without a cached token.
  const t = useGateway({
    per: 'test',
    env: {
      UPSTREAM_CLIENT_ID: 'gateway-client',
      UPSTREAM_CLIENT_SECRET: SECRET,
      UPSTREAM_TOKEN_SCOPE: 'processes:read',
      UPSTREAM_TIMEOUT_MS: '800',
      UPSTREAM_RETRY_BASE_DELAY_MS: '10',
    },
  });
  beforeEach(() => {
    issued = 0;
  });

  /** Token endpoint issuing tok-1, tok-2, ... */
  function serveTokens(expiresIn = 3600) {
    t.upstream.onPath('POST', '/oauth2/token', (_request, response) => {
      issued += 1;
      json(response, 200, { access_token: `gateway-token-${issued}`, token_type: 'Bearer', expires_in: expiresIn });
    });
  }

  it('fetches one token for many concurrent and later calls, sends it instead of the caller header', async () => {
    serveTokens();
    t.upstream.serveRun(RUN);
    const first = await Promise.all(Array.from({ length: 8 }, () => execute(t.gateway, QUERY, { id: 'run-1' })));
    for (const response of first) expect(response.body).toEqual(SERVED);
    expect((await execute(t.gateway, QUERY, { id: 'run-1' }, { headers: { authorization: undefined } })).body).toEqual(
      SERVED,
    );
    const tokenRequests = t.upstream.requestsTo('/oauth2/token');
    expect(tokenRequests).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(tokenRequests[0]!.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'gateway-client',
      client_secret: SECRET,
      scope: 'processes:read',
    });
    // One credential for every caller: concurrent identical GETs are coalesced (docs/caching.md), the later one is not.
    expect(t.upstream.runRequests.length).toBeGreaterThanOrEqual(2);
    expect(t.upstream.runRequests.length).toBeLessThanOrEqual(9);
    for (const request of t.upstream.runRequests) expect(request.headers.authorization).toBe('Bearer gateway-token-1');
  });

  it('on a 401 fetches a new token once and repeats the call', async () => {
    serveTokens();
    t.upstream.onRun('run-1', (request, response) =>
      request.headers.authorization === 'Bearer gateway-token-1'
        ? json(response, 401, { code: 'Unauthorized', message: 'token expired' })
        : json(response, 200, RUN),
    );
    expect((await execute(t.gateway, QUERY, { id: 'run-1' })).body).toEqual(SERVED);
    expect(t.upstream.requestsTo('/oauth2/token')).toHaveLength(2);
    expect(t.upstream.runRequests.map((request) => request.headers.authorization)).toEqual([
      'Bearer gateway-token-1',
      'Bearer gateway-token-2',
    ]);
    expect((await execute(t.gateway, QUERY, { id: 'run-1' })).body).toEqual(SERVED);
    expect(t.upstream.requestsTo('/oauth2/token')).toHaveLength(2);
  });

  it('a 401 that persists after the refresh is UNAUTHENTICATED, with exactly one refresh', async () => {
    serveTokens();
    t.upstream.onAny(faults.status(401, { code: 'Unauthorized', message: 'Bad credentials' }));
    const response = await execute(t.gateway, QUERY, { id: 'run-1' });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(t.upstream.requestsTo('/oauth2/token')).toHaveLength(2);
    expect(t.upstream.runRequests).toHaveLength(2);
  });

  it('refreshes a token shortly before it expires', async () => {
    // Refreshed 1.8 s after it is fetched (a tenth of a short lifetime early): the two calls before the wait take
    // milliseconds, so they share the first token even on a loaded machine; the wait is a lower bound, safe under load.
    serveTokens(2);
    t.upstream.serveRun(RUN);
    expect((await execute(t.gateway, QUERY, { id: 'run-1' })).body).toEqual(SERVED);
    expect((await execute(t.gateway, QUERY, { id: 'run-1' })).body).toEqual(SERVED);
    expect(t.upstream.requestsTo('/oauth2/token')).toHaveLength(1);
    await sleep(1_900);
    expect((await execute(t.gateway, QUERY, { id: 'run-1' })).body).toEqual(SERVED);
    expect(t.upstream.requestsTo('/oauth2/token')).toHaveLength(2);
    expect(t.upstream.runRequests.at(-1)!.headers.authorization).toBe('Bearer gateway-token-2');
  });

  it('a token endpoint that refuses the client is UNAUTHENTICATED and no process run call is made', async () => {
    t.upstream.onPath('POST', '/oauth2/token', (_request, response) =>
      json(response, 401, { error: 'invalid_client' }),
    );
    t.upstream.serveRun(RUN);
    const response = await execute(t.gateway, QUERY, { id: 'run-1' });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(t.upstream.runRequests).toHaveLength(0);
  });

  it('a token endpoint that never answers is UPSTREAM_TIMEOUT within the deadline', async () => {
    t.upstream.onPath('POST', '/oauth2/token', faults.stallBeforeHeaders());
    const started = performance.now();
    const response = await execute(t.gateway, QUERY, { id: 'run-1' });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    // The 800 ms deadline ends it; 10 s only catches a hang (the stalled endpoint never answers), even under load.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('never logs the token or the secret', async () => {
    serveTokens();
    t.upstream.onRun('run-1', (request, response) =>
      request.headers.authorization === 'Bearer gateway-token-1'
        ? json(response, 401, { code: 'Unauthorized', message: 'token expired' })
        : json(response, 200, RUN),
    );
    expect((await execute(t.gateway, QUERY, { id: 'run-1' })).body).toEqual(SERVED);
    expect(t.gateway.logs.entries.some((entry) => entry.msg === 'upstream token fetch')).toBe(true);
    expect(t.gateway.logs.text).not.toContain('gateway-token-');
    expect(t.gateway.logs.text).not.toContain(SECRET);
  });
});
