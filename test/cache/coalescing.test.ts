// Identical upstream GETs in flight at the same time go out once and are shared (docs/caching.md), cache on or off.
import { execute, expectNoErrors, TEST_TOKEN, useGateway, waitFor } from '../harness';
import { cacheMetric, holdRun, RUN_QUERY, runIn } from './cache-fixtures';

describe('coalescing – identical upstream GETs in flight are sent once', () => {
  // The cache tiers off: what is shared here is the call in flight only.
  const t = useGateway({ env: { UPSTREAM_CACHE_TTL_MS: '0' } });

  it('six concurrent operations for one run and one credential: one upstream GET, every answer correct', async () => {
    const run = runIn('run-coalesced', 'running');
    const hold = holdRun(t.upstream, run);
    const answers = Array.from({ length: 6 }, () => execute(t.gateway, RUN_QUERY, { id: run.id }));
    await waitFor(
      async () =>
        hold.held === 1 &&
        (await cacheMetric(t.gateway, 'gateway_upstream_cache_coalesced_total', { endpoint: 'getProcessRun' })) >= 5,
      'five waits on the one call in flight',
    );
    hold.release();
    for (const answer of await Promise.all(answers)) {
      expect(expectNoErrors(answer)).toEqual({ processRun: { id: run.id, status: 'RUNNING', name: 'first' } });
    }
    expect(t.upstream.runRequests).toHaveLength(1);
  });

  it('two credentials asking for the same run at once: two upstream GETs, each with its own token', async () => {
    const run = runIn('run-two-credentials', 'running');
    const hold = holdRun(t.upstream, run);
    const other = 'Bearer another-caller-token-xyz';
    const answers = [
      execute(t.gateway, RUN_QUERY, { id: run.id }),
      execute(t.gateway, RUN_QUERY, { id: run.id }, { headers: { authorization: other } }),
    ];
    await waitFor(() => hold.held === 2, 'both calls at the upstream');
    hold.release();
    for (const answer of await Promise.all(answers)) expectNoErrors(answer);
    expect(t.upstream.runRequests.map((request) => request.headers.authorization).sort()).toEqual(
      [other, TEST_TOKEN].sort(),
    );
  });

  it('the caller that started the shared call going away does not cut it short for its waiters', async () => {
    const run = runIn('run-abandoned-waiter', 'running');
    const hold = holdRun(t.upstream, run);
    const leaving = new AbortController();
    const abandoned = fetch(`${t.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: TEST_TOKEN },
      body: JSON.stringify({ query: RUN_QUERY, variables: { id: run.id } }),
      signal: leaving.signal,
    }).catch((error: Error) => error.name);
    await waitFor(() => hold.held === 1, 'the first call at the upstream');
    const staying = [execute(t.gateway, RUN_QUERY, { id: run.id }), execute(t.gateway, RUN_QUERY, { id: run.id })];
    await waitFor(
      async () =>
        (await cacheMetric(t.gateway, 'gateway_upstream_cache_coalesced_total', { endpoint: 'getProcessRun' })) >= 2,
      'two waiters',
    );
    leaving.abort();
    expect(await abandoned).toBe('AbortError');
    hold.release();
    for (const answer of await Promise.all(staying)) expect(expectNoErrors(answer).processRun.id).toBe(run.id);
    expect(t.upstream.runRequests).toHaveLength(1);
  });

  it('a failed call is never kept: the next operation asks again', async () => {
    let calls = 0;
    t.upstream.onRun('run-failing', (_request, response) => {
      calls += 1;
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ code: 'InternalError', message: 'boom' }));
    });
    const first = await execute(t.gateway, RUN_QUERY, { id: 'run-failing' });
    expect(first.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    await execute(t.gateway, RUN_QUERY, { id: 'run-failing' });
    expect(calls).toBe(2);
  });
});

describe('UPSTREAM_COALESCING=false – every identical GET goes out on its own', () => {
  const t = useGateway({ env: { UPSTREAM_CACHE_TTL_MS: '0', UPSTREAM_COALESCING: 'false' } });

  it('three concurrent operations for one run and one credential: three upstream GETs, none counted as coalesced', async () => {
    const run = runIn('run-not-coalesced', 'running');
    const hold = holdRun(t.upstream, run);
    const answers = Array.from({ length: 3 }, () => execute(t.gateway, RUN_QUERY, { id: run.id }));
    await waitFor(() => hold.held === 3, 'three calls at the upstream at once');
    hold.release();
    for (const answer of await Promise.all(answers)) expect(expectNoErrors(answer).processRun.id).toBe(run.id);
    expect(t.upstream.runRequests).toHaveLength(3);
    expect(await cacheMetric(t.gateway, 'gateway_upstream_cache_coalesced_total', { endpoint: 'getProcessRun' })).toBe(
      0,
    );
  });

  it('the opt-in cache info still says where each answer came from: the upstream, age 0, every time', async () => {
    t.upstream.serveRun(runIn('run-uncached-info', 'running'));
    const headers = { 'x-gateway-cache-info': 'true' };
    for (let read = 0; read < 2; read++) {
      const answer = await execute(t.gateway, RUN_QUERY, { id: 'run-uncached-info' }, { headers });
      expect(answer.body.extensions).toEqual({ cache: { age: 0, tier: 'upstream' } });
    }
    expect(t.upstream.runRequests).toHaveLength(2);
  });
});
