import { parse } from 'graphql';
import { loadConfig } from '../../src/config/config';
import { countWrites } from '../../src/writes/count-writes';
import { execute, expectNoErrors, expectOnlyError, json, useGateway, withGateway, type FakeUpstream } from '../harness';
import { startedRun } from './write-fixtures';

/** `n` aliased runProcess fields on processes P0…P(n-1). */
function runMany(n: number): string {
  return `mutation { ${Array.from({ length: n }, (_, i) => `r${i}: runProcess(processId: "P${i}") { id }`).join(' ')} }`;
}

/** Every POST /processes/{id}/run starts a run named after its process. */
function startsRuns(upstream: FakeUpstream): void {
  upstream.onAny((request, response) => {
    const match = /^\/processes\/([^/]+)\/run$/.exec(request.path);
    if (request.method === 'POST' && match) json(response, 201, { ...startedRun, id: `run-of-${match[1]}` });
    else json(response, 404, { code: '404' });
  });
}

describe('the write budget is decided before the first write', () => {
  const t = useGateway({ upstream: startsRuns });

  it('51 runProcess fields under the defaults: refused as a whole, OPERATION_LIMIT_EXCEEDED with the count and the limit, zero upstream calls', async () => {
    const result = await execute(t.gateway, runMany(51));
    const error = expectOnlyError(result, 'OPERATION_LIMIT_EXCEEDED');
    expect(error.extensions).toEqual({
      code: 'OPERATION_LIMIT_EXCEEDED',
      writes: 51,
      maxWrites: 25,
      outcome: 'NOT_APPLIED',
    });
    expect(error.message).toContain('51 mutation fields');
    expect(result.body.data ?? null).toBeNull();
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('26 fields (one over the default 25): refused, zero calls; 25 fields: 25 POSTs and every new run id in the answer', async () => {
    expectOnlyError(await execute(t.gateway, runMany(26)), 'OPERATION_LIMIT_EXCEEDED');
    expect(t.upstream.requests).toHaveLength(0);
    const data = expectNoErrors(await execute(t.gateway, runMany(25)));
    expect(data).toEqual(Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`r${i}`, { id: `run-of-P${i}` }])));
    expect(t.upstream.requests).toHaveLength(25);
  });

  it('fields in fragments count; a field repeated under one response key runs once and counts once', async () => {
    const fields = Array.from({ length: 13 }, (_, i) => `f${i}: runProcess(processId: "F${i}") { id }`).join(' ');
    const inline = Array.from({ length: 13 }, (_, i) => `g${i}: trashProcess(processId: "G${i}")`).join(' ');
    const refused = await execute(
      t.gateway,
      `mutation { ...Runs ... on Mutation { ${inline} } } fragment Runs on Mutation { ${fields} }`,
    );
    expect(expectOnlyError(refused, 'OPERATION_LIMIT_EXCEEDED').extensions).toMatchObject({
      writes: 26,
      maxWrites: 25,
    });
    expect(t.upstream.requests).toHaveLength(0);
    expectNoErrors(
      await execute(
        t.gateway,
        `mutation { a: runProcess(processId: "P1") { id } a: runProcess(processId: "P1") { status } }`,
      ),
    );
    expect(t.upstream.requests).toHaveLength(1);
  });

  it('a query is never counted as writes', () => {
    expect(
      countWrites(
        parse(`{ ${Array.from({ length: 30 }, (_, i) => `q${i}: processRun(id: "x") { id }`).join(' ')} }`),
        null,
      ),
    ).toBe(0);
  });

  it('the sibling-failure case: a: runProcess(P1) b: runProcess(missing) → two calls, a keeps its run id', async () => {
    t.upstream.onAny((request, response) =>
      request.path === '/processes/P1/run'
        ? json(response, 201, { ...startedRun, id: 'run-of-P1' })
        : json(response, 404, { code: '404', message: 'Not found' }),
    );
    const result = await execute(
      t.gateway,
      `mutation { a: runProcess(processId: "P1") { id } b: runProcess(processId: "missing") { id } }`,
    );
    expect(result.body.data).toEqual({ a: { id: 'run-of-P1' }, b: null });
    expect(expectOnlyError(result, 'NOT_FOUND')).toMatchObject({ path: ['b'], extensions: { outcome: 'NOT_APPLIED' } });
    expect(t.upstream.requests).toHaveLength(2);
  });
});

describe('MAX_WRITES_PER_OPERATION', () => {
  it('50 writes allowed under the call budget of 50: 50 POSTs, every id present; 51 refused with zero calls', async () => {
    await withGateway(
      { MAX_WRITES_PER_OPERATION: '50' },
      async (gateway) => {
        const data = expectNoErrors(await execute(gateway, runMany(50)));
        expect(Object.values(data).map((run) => (run as { id: string }).id)).toEqual(
          Array.from({ length: 50 }, (_, i) => `run-of-P${i}`),
        );
        expect(gateway.upstream.requests).toHaveLength(50);
        expect(
          expectOnlyError(await execute(gateway, runMany(51)), 'OPERATION_LIMIT_EXCEEDED').extensions,
        ).toMatchObject({ writes: 51, maxWrites: 50 });
        expect(gateway.upstream.requests).toHaveLength(50);
      },
      { upstream: startsRuns },
    );
  });

  it('is validated at start: above the upstream-call budget, or not a number, stops the start', () => {
    expect(() => loadConfig({ MAX_WRITES_PER_OPERATION: '51' })).toThrow(
      'Invalid configuration: MAX_WRITES_PER_OPERATION must be at most MAX_UPSTREAM_CALLS_PER_OPERATION (50), got 51',
    );
    expect(() => loadConfig({ MAX_WRITES_PER_OPERATION: 'many' })).toThrow(
      'Invalid configuration: MAX_WRITES_PER_OPERATION must be a whole number',
    );
    expect(() => loadConfig({ MAX_WRITES_PER_OPERATION: '0' })).toThrow(
      'Invalid configuration: MAX_WRITES_PER_OPERATION must be from 1',
    );
  });

  it('defaults to 25, or to the call budget when that is smaller', () => {
    expect(loadConfig({}).writes.maxWritesPerOperation).toBe(25);
    expect(loadConfig({ MAX_UPSTREAM_CALLS_PER_OPERATION: '10' }).writes.maxWritesPerOperation).toBe(10);
  });
});

describe('a mutation answers one result', () => {
  const t = useGateway({ upstream: startsRuns });

  it('@defer on a mutation is BAD_REQUEST with outcome NOT_APPLIED, before any write and without claiming an idempotency key', async () => {
    const deferred = 'mutation { r: runProcess(processId: "P1") { id ... @defer { name } } }';
    const headers = { 'idempotency-key': 'defer-on-a-mutation' };
    const error = expectOnlyError(await execute(t.gateway, deferred, undefined, { headers }), 'BAD_REQUEST');
    expect(error.extensions).toMatchObject({ code: 'BAD_REQUEST', outcome: 'NOT_APPLIED' });
    expect(t.upstream.requests).toHaveLength(0);
    // The key stayed free: the corrected request runs.
    const plain = await execute(t.gateway, 'mutation { r: runProcess(processId: "P1") { id name } }', undefined, {
      headers,
    });
    expectNoErrors(plain);
    expect(t.upstream.requests).toHaveLength(1);
  });
});
