// The local tier: TTLs (running vs terminal), the 404 and error rules, credentials kept apart, the byte bound,
// read-your-writes on one replica, and the opt-in cache info. Small TTLs; expiry is awaited with waitFor, never timed.
// A read's answer is stored only from its key's second read on (the doorkeeper, docs/caching.md): tests that need a
// stored answer read it twice first, and count both upstream GETs.
import {
  execute,
  expectNoErrors,
  expectOnlyError,
  json,
  TEST_TOKEN,
  useGateway,
  waitFor,
  withGateway,
} from '../harness';
import { cacheMetric, RUN_QUERY, runIn, serveMutableRun } from './cache-fixtures';

const OTHER_TOKEN = 'Bearer second-caller-token-456';
const CACHE_INFO = { 'x-gateway-cache-info': 'true' };

describe('answer cache – TTLs, error rules, credentials, cache info', () => {
  const t = useGateway({ env: { UPSTREAM_CACHE_TTL_MS: '60000', UPSTREAM_CACHE_TERMINAL_TTL_MS: '60000' } });

  it('a run read twice is stored; a third read within the TTL is served from the cache: two GETs, the same answer', async () => {
    const state = { run: runIn('run-cached', 'running') };
    serveMutableRun(t.upstream, state);
    expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: state.run.id }));
    const stored = expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: state.run.id }));
    state.run = { ...state.run, name: 'third' };
    const third = expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: state.run.id }));
    expect(third).toEqual(stored);
    expect(t.upstream.runRequests).toHaveLength(2);
    expect(
      await cacheMetric(t.gateway, 'gateway_upstream_cache_lookups_total', {
        tier: 'local',
        endpoint: 'getProcessRun',
        result: 'hit',
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('doorkeeper: a run read once is not stored (no bytes held, the next read asks again); one read twice is', async () => {
    t.upstream.serveRun(runIn('run-once', 'running'));
    const held = () =>
      cacheMetric(t.gateway, 'gateway_upstream_cache_bytes', { tier: 'local', endpoint: 'getProcessRun' });
    const before = await held();
    expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-once' }));
    expect(await held()).toBe(before);
    expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-once' }));
    expect(await held()).toBeGreaterThan(before);
    expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-once' }));
    expect(t.upstream.requestsTo('/processRuns/run-once')).toHaveLength(2);
  });

  it('excludeGeneratedJobs is part of the URL, so of the key: two variants, two upstream GETs', async () => {
    t.upstream.serveRun(runIn('run-variants', 'running'));
    // Read twice: the plain variant is then stored (doorkeeper); a shared key would answer the other variant from it.
    await execute(t.gateway, RUN_QUERY, { id: 'run-variants' });
    await execute(t.gateway, RUN_QUERY, { id: 'run-variants' });
    for (let i = 0; i < 3; i++)
      expectNoErrors(await execute(t.gateway, '{ processRun(id: "run-variants", excludeGeneratedJobs: true) { id } }'));
    expect(t.upstream.runRequests.map((request) => request.url)).toEqual([
      '/processRuns/run-variants',
      '/processRuns/run-variants',
      '/processRuns/run-variants?excludeGeneratedJobs=true',
      '/processRuns/run-variants?excludeGeneratedJobs=true',
    ]);
  });

  it('one credential’s cached answer is never served to another: the upstream sees both tokens', async () => {
    t.upstream.serveRun(runIn('run-shared-id', 'complete'));
    // Read twice: the first credential's answer is then stored (doorkeeper), so a shared key would serve the other.
    expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-shared-id' }));
    expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-shared-id' }));
    for (let i = 0; i < 3; i++)
      expectNoErrors(
        await execute(t.gateway, RUN_QUERY, { id: 'run-shared-id' }, { headers: { authorization: OTHER_TOKEN } }),
      );
    expect(t.upstream.runRequests.map((request) => request.headers.authorization)).toEqual([
      TEST_TOKEN,
      TEST_TOKEN,
      OTHER_TOKEN,
      OTHER_TOKEN,
    ]);
  });

  it('a refused credential’s 403 is not cached, and another credential’s 200 is not served to it', async () => {
    t.upstream.onRun('run-private', (request, response) =>
      request.headers.authorization === TEST_TOKEN
        ? json(response, 200, runIn('run-private', 'running'))
        : json(response, 403, { code: 'Forbidden', message: 'no' }),
    );
    expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-private' }));
    expectOnlyError(
      await execute(t.gateway, RUN_QUERY, { id: 'run-private' }, { headers: { authorization: OTHER_TOKEN } }),
      'FORBIDDEN',
    );
    expectOnlyError(
      await execute(t.gateway, RUN_QUERY, { id: 'run-private' }, { headers: { authorization: OTHER_TOKEN } }),
      'FORBIDDEN',
    );
    expect(t.upstream.runRequests.map((request) => request.headers.authorization)).toEqual([
      TEST_TOKEN,
      OTHER_TOKEN,
      OTHER_TOKEN,
    ]);
  });

  it('errors other than 404 are never cached: a 503 then a 200 is two upstream GETs, the second answer served', async () => {
    let calls = 0;
    t.upstream.onRun('run-flaky', (_request, response) => {
      calls += 1;
      if (calls === 1) json(response, 500, { code: 'InternalError', message: 'boom' });
      else json(response, 200, runIn('run-flaky', 'running'));
    });
    expectOnlyError(await execute(t.gateway, RUN_QUERY, { id: 'run-flaky' }), 'UPSTREAM_ERROR');
    expect(expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-flaky' })).processRun.id).toBe('run-flaky');
    expect(calls).toBe(2);
  });

  it('a 200 whose body is not a run is an error, so never cached: the next operation asks again', async () => {
    let calls = 0;
    t.upstream.onRun('run-misshapen', (_request, response) => {
      calls += 1;
      json(
        response,
        200,
        calls === 1 ? { id: 'run-misshapen', root: 'not an object' } : runIn('run-misshapen', 'complete'),
      );
    });
    expectOnlyError(await execute(t.gateway, RUN_QUERY, { id: 'run-misshapen' }), 'UPSTREAM_BAD_RESPONSE');
    expect(expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-misshapen' })).processRun.status).toBe(
      'COMPLETE',
    );
    expect(calls).toBe(2);
  });

  it('the cache info is opt-in: without the header the answer has no extensions; with it, age and tier', async () => {
    t.upstream.serveRun(runIn('run-info', 'running'));
    const fresh = await execute(t.gateway, RUN_QUERY, { id: 'run-info' }, { headers: CACHE_INFO });
    expect(fresh.body.extensions).toEqual({ cache: { age: 0, tier: 'upstream' } });
    // The second read goes out too and is stored (doorkeeper); the third is a hit.
    const plain = await execute(t.gateway, RUN_QUERY, { id: 'run-info' });
    expect(plain.body).toEqual({ data: { processRun: { id: 'run-info', status: 'RUNNING', name: 'first' } } });
    const cached = await execute(t.gateway, RUN_QUERY, { id: 'run-info' }, { headers: CACHE_INFO });
    expect(cached.body.extensions?.cache).toEqual({ age: expect.any(Number), tier: 'local' });
    const plainHit = await execute(t.gateway, RUN_QUERY, { id: 'run-info' });
    expect(plainHit.body).toEqual(plain.body);
    expect(t.upstream.runRequests).toHaveLength(2);
  });

  it('read-your-writes: addJobRuns forgets the run for its credential before answering; the next read asks the upstream', async () => {
    const state = { run: runIn('run-written', 'running') };
    serveMutableRun(t.upstream, state);
    t.upstream.onPath('POST', '/processRuns/run-written/jobRuns', (_request, response) => {
      state.run = { ...state.run, name: 'after the write' };
      json(response, 201, []);
    });
    // Read twice so that the run is stored (doorkeeper): the write must forget a stored answer.
    expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-written' }));
    expect(expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-written' })).processRun.name).toBe('first');
    expect(expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-written' })).processRun.name).toBe('first');
    await execute(
      t.gateway,
      'mutation { addJobRuns(processRunId: "run-written", jobs: [{ action: SEND_TASK, arguments: { sendTask: { title: "t", assignee: "u" } } }]) { id } }',
    );
    expect(expectNoErrors(await execute(t.gateway, RUN_QUERY, { id: 'run-written' })).processRun.name).toBe(
      'after the write',
    );
    expect(t.upstream.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /processRuns/run-written',
      'GET /processRuns/run-written',
      'POST /processRuns/run-written/jobRuns',
      'GET /processRuns/run-written',
    ]);
  });

  it('read-your-writes: renameProcessItems forgets the process and every list page of its credential', async () => {
    const state = { name: 'Old' };
    const process = () => ({ id: 'process-renamed', name: state.name, root: { id: 'g', name: 'Root', children: [] } });
    t.upstream.onPath('GET', '/processes/process-renamed', (_request, response) => json(response, 200, process()));
    t.upstream.onProcessList((_request, response) => json(response, 200, { data: [process()] }));
    t.upstream.onPath('POST', '/processes/process-renamed/batchUpdates', (_request, response) => {
      state.name = 'New';
      json(response, 200, process());
    });
    const read = async () =>
      expectNoErrors(
        await execute(
          t.gateway,
          '{ process(id: "process-renamed") { name } processes(first: 5) { edges { node { name } } } }',
        ),
      );
    // Two reads go out (the second is stored: doorkeeper), the third is served from the cache.
    for (let i = 0; i < 3; i++)
      expect(await read()).toEqual({ process: { name: 'Old' }, processes: { edges: [{ node: { name: 'Old' } }] } });
    expect(t.upstream.requests.filter((request) => request.method === 'GET')).toHaveLength(4);
    expectNoErrors(
      await execute(
        t.gateway,
        'mutation { renameProcessItems(processId: "process-renamed", renames: [{ kind: GROUP, id: "g", newName: "x" }]) { id } }',
      ),
    );
    expect(await read()).toEqual({ process: { name: 'New' }, processes: { edges: [{ node: { name: 'New' } }] } });
    expect(t.upstream.requests.filter((request) => request.method === 'GET')).toHaveLength(6);
  });
});

describe('answer cache – expiry', () => {
  it('a running run expires after UPSTREAM_CACHE_TTL_MS; a terminal one is still served (UPSTREAM_CACHE_TERMINAL_TTL_MS)', async () => {
    await withGateway({ UPSTREAM_CACHE_TTL_MS: '150', UPSTREAM_CACHE_TERMINAL_TTL_MS: '60000' }, async (gateway) => {
      gateway.upstream.serveRun(runIn('run-running', 'running'));
      gateway.upstream.serveRun(runIn('run-complete', 'complete'));
      gateway.upstream.serveRun(runIn('run-cancelled', 'Cancelled'));
      // Each read twice, so stored (doorkeeper).
      for (const id of ['run-running', 'run-complete', 'run-cancelled'])
        for (let i = 0; i < 2; i++) expectNoErrors(await execute(gateway, RUN_QUERY, { id }));
      const callsTo = (id: string) => gateway.upstream.requestsTo(`/processRuns/${id}`).length;
      await waitFor(
        async () => {
          await execute(gateway, RUN_QUERY, { id: 'run-running' });
          return callsTo('run-running') === 3;
        },
        'the running run to expire',
        15_000,
        50,
      );
      expectNoErrors(await execute(gateway, RUN_QUERY, { id: 'run-complete' }));
      expectNoErrors(await execute(gateway, RUN_QUERY, { id: 'run-cancelled' }));
      expect([callsTo('run-complete'), callsTo('run-cancelled')]).toEqual([2, 2]);
    });
  });

  it('a 404 is served again for at most the plain TTL, then asked again (the run may exist by then)', async () => {
    await withGateway({ UPSTREAM_CACHE_TTL_MS: '150', UPSTREAM_CACHE_TERMINAL_TTL_MS: '60000' }, async (gateway) => {
      let exists = false;
      gateway.upstream.onRun('run-later', (_request, response) =>
        exists
          ? json(response, 200, runIn('run-later', 'complete'))
          : json(response, 404, { code: 'NotFound', message: 'no such run' }),
      );
      // Two 404s: the second is stored (doorkeeper).
      expectOnlyError(await execute(gateway, RUN_QUERY, { id: 'run-later' }), 'NOT_FOUND');
      expectOnlyError(await execute(gateway, RUN_QUERY, { id: 'run-later' }), 'NOT_FOUND');
      exists = true;
      const third = await execute(gateway, RUN_QUERY, { id: 'run-later' });
      const callsAfterThird = gateway.upstream.runRequests.length;
      // Either still the cached 404 (no new call) or already expired (a new call and the run): never a mix.
      if (callsAfterThird === 2) expectOnlyError(third, 'NOT_FOUND');
      else expectNoErrors(third);
      await waitFor(
        async () => (await execute(gateway, RUN_QUERY, { id: 'run-later' })).body.errors === undefined,
        'the 404 to expire',
        15_000,
        50,
      );
      expect(gateway.upstream.runRequests.length).toBe(3);
    });
  });

  it('UPSTREAM_CACHE_TTL_MS=0 turns the cache off, terminal runs included', async () => {
    await withGateway({ UPSTREAM_CACHE_TTL_MS: '0', UPSTREAM_CACHE_TERMINAL_TTL_MS: '60000' }, async (gateway) => {
      gateway.upstream.serveRun(runIn('run-off', 'complete'));
      for (let i = 0; i < 3; i++) expectNoErrors(await execute(gateway, RUN_QUERY, { id: 'run-off' }));
      expect(gateway.upstream.runRequests).toHaveLength(3);
    });
  });
});

describe('answer cache – the byte bound', () => {
  it('holds at most UPSTREAM_CACHE_MAX_BYTES: the least recently used run is evicted and asked for again', async () => {
    const size = Buffer.byteLength(JSON.stringify(runIn('run-bound-0', 'complete')));
    // Room for two runs (each counts its body plus ~300 bytes of key and bookkeeping), not three.
    const maxBytes = String(2 * size + 1200);
    await withGateway({ UPSTREAM_CACHE_TTL_MS: '60000', UPSTREAM_CACHE_MAX_BYTES: maxBytes }, async (gateway) => {
      for (const id of ['run-bound-0', 'run-bound-1', 'run-bound-2']) gateway.upstream.serveRun(runIn(id, 'complete'));
      // Each run's second read stores it (doorkeeper); run-bound-1's third is a hit, so run-bound-0 is the oldest.
      for (const id of ['run-bound-0', 'run-bound-0', 'run-bound-1', 'run-bound-1', 'run-bound-1'])
        expectNoErrors(await execute(gateway, RUN_QUERY, { id }));
      expect(gateway.upstream.runRequests).toHaveLength(4);
      expectNoErrors(await execute(gateway, RUN_QUERY, { id: 'run-bound-2' }));
      expectNoErrors(await execute(gateway, RUN_QUERY, { id: 'run-bound-2' }));
      expect(await cacheMetric(gateway, 'gateway_upstream_cache_evictions_total', { tier: 'local' })).toBe(1);
      const held = await cacheMetric(gateway, 'gateway_upstream_cache_bytes', {
        tier: 'local',
        endpoint: 'getProcessRun',
      });
      expect(held).toBeGreaterThan(2 * size);
      expect(held).toBeLessThanOrEqual(Number(maxBytes));
      // run-bound-0 was the least recently used: gone; run-bound-1 and run-bound-2 are still served.
      expectNoErrors(await execute(gateway, RUN_QUERY, { id: 'run-bound-2' }));
      expectNoErrors(await execute(gateway, RUN_QUERY, { id: 'run-bound-0' }));
      expect(gateway.upstream.runRequests.map((request) => request.path)).toEqual([
        '/processRuns/run-bound-0',
        '/processRuns/run-bound-0',
        '/processRuns/run-bound-1',
        '/processRuns/run-bound-1',
        '/processRuns/run-bound-2',
        '/processRuns/run-bound-2',
        '/processRuns/run-bound-0',
      ]);
    });
  });
});
