import {
  closedPort,
  execute,
  expectOnlyError,
  faults,
  json,
  useGateway,
  withGateway,
  type ExecutionResult,
} from '../harness';
import { MUTATION_CASES } from './mutation-cases';
import { startedRun } from './write-fixtures';

const startsRun = (id: string) => (_request: unknown, response: import('node:http').ServerResponse) =>
  json(response, 201, { ...startedRun, id });

function describeBody(result: ExecutionResult): string {
  return `HTTP ${result.status}\n${JSON.stringify(result.body, null, 2)}`;
}

describe('results are never lost: a failing mutation field is null with its error, the others keep their data', () => {
  const t = useGateway({
    env: { UPSTREAM_TIMEOUT_MS: '2000', UPSTREAM_RETRY_BASE_DELAY_MS: '10', UPSTREAM_BREAKER_THRESHOLD: '0' },
    warmUp: true,
  });

  it('a: runProcess(P1) b: runProcess(missing): a keeps its new run id, b is null with NOT_FOUND and NOT_APPLIED', async () => {
    t.upstream.onPath('POST', '/processes/P1/run', startsRun('run-of-P1'));
    const result = await execute(
      t.gateway,
      `mutation { a: runProcess(processId: "P1") { id } b: runProcess(processId: "missing") { id } }`,
    );
    expect({ status: result.status, data: result.body.data }).toEqual({
      status: 200,
      data: { a: { id: 'run-of-P1' }, b: null },
    });
    const error = expectOnlyError(result, 'NOT_FOUND');
    expect(error.path).toEqual(['b']);
    expect(error.extensions).toMatchObject({ outcome: 'NOT_APPLIED', upstream: { status: 404 } });
    expect(t.upstream.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /processes/P1/run',
      'POST /processes/missing/run',
    ]);
  });

  it('fields run one after another: the second write is sent only after the first one has its answer', async () => {
    let firstAnswered = false;
    let secondSawFirstAnswered: boolean | null = null;
    // The first answer waits a moment: fields run in parallel would send the second write meanwhile.
    t.upstream.onPath('POST', '/processes/P1/run', (_request, response) => {
      setTimeout(() => {
        firstAnswered = true;
        startsRun('run-of-P1')(_request, response);
      }, 100);
    });
    t.upstream.onPath('POST', '/processes/P2/run', (_request, response) => {
      secondSawFirstAnswered = firstAnswered;
      startsRun('run-of-P2')(_request, response);
    });
    const result = await execute(
      t.gateway,
      `mutation { a: runProcess(processId: "P1") { id } b: runProcess(processId: "P2") { id } }`,
    );
    expect(result.body.data).toEqual({ a: { id: 'run-of-P1' }, b: { id: 'run-of-P2' } });
    expect(secondSawFirstAnswered).toBe(true);
  });

  it('a field after a refused one still runs (GraphQL semantics): the 4xx does not stop the next write', async () => {
    t.upstream.onPath('POST', '/processes/P2/run', startsRun('run-of-P2'));
    t.upstream.onPath(
      'POST',
      '/processes/P1/run',
      faults.status(409, { code: '409', message: 'Process is already running' }),
    );
    const result = await execute(
      t.gateway,
      `mutation { a: runProcess(processId: "P1") { id } b: runProcess(processId: "P2") { id } }`,
    );
    expect(result.body.data).toEqual({ a: null, b: { id: 'run-of-P2' } });
    expect(expectOnlyError(result, 'CONFLICT')).toMatchObject({ path: ['a'], extensions: { outcome: 'NOT_APPLIED' } });
    expect(t.upstream.requests).toHaveLength(2);
  });

  it('an input refusal in the middle: that field is null (BAD_USER_INPUT, NOT_APPLIED), the fields around it run', async () => {
    t.upstream.onPath('POST', '/processes/P1/run', startsRun('run-of-P1'));
    t.upstream.onPath('POST', '/processes/P2/run', startsRun('run-of-P2'));
    const result = await execute(
      t.gateway,
      `mutation { a: runProcess(processId: "P1") { id } b: runProcess(processId: "") { id } c: runProcess(processId: "P2") { id } }`,
    );
    expect(result.body.data).toEqual({ a: { id: 'run-of-P1' }, b: null, c: { id: 'run-of-P2' } });
    expect(expectOnlyError(result, 'BAD_USER_INPUT')).toMatchObject({
      path: ['b'],
      extensions: { outcome: 'NOT_APPLIED', field: 'processId' },
    });
    expect(t.upstream.requests).toHaveLength(2);
  });

  it('after a field that found the upstream unavailable (503), the later fields are refused NOT_APPLIED with no call', async () => {
    t.upstream.onPath('POST', '/processes/P1/run', startsRun('run-of-P1'));
    t.upstream.onPath('POST', '/processes/P2/run', faults.status(503, { code: '503', message: 'Service Unavailable' }));
    const result = await execute(
      t.gateway,
      `mutation { a: runProcess(processId: "P1") { id } b: runProcess(processId: "P2") { id } c: trashProcess(processId: "P3") d: runProcess(processId: "P4") { id } }`,
    );
    expect(result.body.data).toEqual({ a: { id: 'run-of-P1' }, b: null, c: null, d: null });
    const errors = (result.body.errors ?? []).map((error) => ({
      path: error.path,
      code: error.extensions?.code,
      outcome: error.extensions?.outcome,
    }));
    expect(errors).toEqual([
      { path: ['b'], code: 'UPSTREAM_UNAVAILABLE', outcome: 'UNKNOWN' },
      { path: ['c'], code: 'UPSTREAM_UNAVAILABLE', outcome: 'NOT_APPLIED' },
      { path: ['d'], code: 'UPSTREAM_UNAVAILABLE', outcome: 'NOT_APPLIED' },
    ]);
    expect(t.upstream.requests.map((request) => request.path)).toEqual(['/processes/P1/run', '/processes/P2/run']);
  });

  it('a timeout halts the rest too; the timed-out field says UNKNOWN', async () => {
    t.upstream.onPath('POST', '/processes/P1/run', faults.stallBeforeHeaders());
    const result = await execute(
      t.gateway,
      `mutation { a: runProcess(processId: "P1") { id } b: runProcess(processId: "P2") { id } }`,
    );
    expect(result.body.data).toEqual({ a: null, b: null });
    expect(
      (result.body.errors ?? []).map((error) => [error.path, error.extensions?.code, error.extensions?.outcome]),
    ).toEqual([
      [['a'], 'UPSTREAM_TIMEOUT', 'UNKNOWN'],
      [['b'], 'UPSTREAM_UNAVAILABLE', 'NOT_APPLIED'],
    ]);
    expect(t.upstream.requests).toHaveLength(1);
  });
});

describe('every write error says its outcome, for each mutation', () => {
  const t = useGateway({
    env: { UPSTREAM_TIMEOUT_MS: '2000', UPSTREAM_RETRY_BASE_DELAY_MS: '10', UPSTREAM_BREAKER_THRESHOLD: '0' },
    warmUp: true,
  });

  const KINDS: Array<[string, string, string, import('../harness').FakeHandler]> = [
    ['400', 'BAD_USER_INPUT', 'NOT_APPLIED', faults.status(400, { code: '400', message: 'Bad' })],
    ['401', 'UNAUTHENTICATED', 'NOT_APPLIED', faults.status(401, { code: '401' })],
    ['403', 'FORBIDDEN', 'NOT_APPLIED', faults.status(403, { code: '403' })],
    ['404', 'NOT_FOUND', 'NOT_APPLIED', faults.status(404, { code: '404' })],
    ['409', 'CONFLICT', 'NOT_APPLIED', faults.status(409, { code: '409' })],
    [
      '429 with a wait past the deadline',
      'RATE_LIMITED',
      'NOT_APPLIED',
      faults.status(429, { code: '429' }, { 'retry-after': '3600' }),
    ],
    ['500', 'UPSTREAM_ERROR', 'UNKNOWN', faults.status(500, { code: '500' })],
    ['502', 'UPSTREAM_UNAVAILABLE', 'UNKNOWN', faults.status(502, { code: '502' })],
    ['no answer (timeout)', 'UPSTREAM_TIMEOUT', 'UNKNOWN', faults.stallBeforeHeaders()],
    ['reset after sending', 'UPSTREAM_UNREACHABLE', 'UNKNOWN', faults.reset()],
    ['2xx with an unusable body', 'UPSTREAM_BAD_RESPONSE', 'APPLIED', faults.invalidJson()],
  ];

  for (const mutation of MUTATION_CASES) {
    // A DELETE answered 2xx needs no body: an unusable one is no failure for trashProcess.
    const kinds = mutation.name === 'trashProcess' ? KINDS.filter(([, , outcome]) => outcome !== 'APPLIED') : KINDS;
    it.each(kinds)(`${mutation.name}: %s → %s with outcome %s`, async (kind, code, outcome, handler) => {
      t.upstream.onPath(mutation.method, mutation.path, handler);
      const result = await execute(t.gateway, mutation.document, mutation.variables());
      const error = expectOnlyError(result, code);
      expect({ kind, path: error.path, outcome: error.extensions?.outcome, data: result.body.data }).toEqual({
        kind,
        path: [mutation.name],
        outcome,
        data: { [mutation.name]: null },
      });
      expect(t.upstream.requests).toHaveLength(1);
    });

    it(`${mutation.name}: input refused before any call → BAD_USER_INPUT with outcome NOT_APPLIED, no upstream call`, async () => {
      const result = await execute(t.gateway, mutation.document, mutation.variables(''));
      if (mutation.name === 'createProcess') {
        expect(expectOnlyError(result, 'BAD_USER_INPUT').extensions).toMatchObject({
          outcome: 'NOT_APPLIED',
          field: 'input.name',
        });
      } else {
        expect(expectOnlyError(result, 'BAD_USER_INPUT').extensions?.outcome).toBe('NOT_APPLIED');
      }
      expect(t.upstream.requests).toHaveLength(0);
    });
  }

  it('no Authorization header: UNAUTHENTICATED with outcome NOT_APPLIED, no upstream call', async () => {
    const mutation = MUTATION_CASES[0]!;
    const result = await execute(t.gateway, mutation.document, mutation.variables(), {
      headers: { authorization: undefined },
    });
    expect(expectOnlyError(result, 'UNAUTHENTICATED').extensions?.outcome).toBe('NOT_APPLIED');
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('refused connection and an open breaker: NOT_APPLIED on every mutation', async () => {
    const port = await closedPort();
    await withGateway(
      { UPSTREAM_MAX_ATTEMPTS: '1' },
      async (gateway) => {
        for (const mutation of MUTATION_CASES) {
          const error = expectOnlyError(
            await execute(gateway, mutation.document, mutation.variables()),
            'UPSTREAM_UNREACHABLE',
          );
          expect([mutation.name, error.extensions?.outcome]).toEqual([mutation.name, 'NOT_APPLIED']);
        }
      },
      { upstreamUrl: `http://127.0.0.1:${port}` },
    );
    await withGateway({ UPSTREAM_BREAKER_THRESHOLD: '1' }, async (gateway) => {
      gateway.upstream.onAny(faults.status(503, { code: '503' }));
      await execute(gateway, '{ processRun(id: "trip-the-breaker") { id } }');
      const before = gateway.upstream.requests.length;
      for (const mutation of MUTATION_CASES) {
        const result = await execute(gateway, mutation.document, mutation.variables());
        const error = expectOnlyError(result, 'UPSTREAM_UNAVAILABLE');
        expect([mutation.name, error.extensions?.outcome, describeBody(result).includes('paused')]).toEqual([
          mutation.name,
          'NOT_APPLIED',
          true,
        ]);
      }
      expect(gateway.upstream.requests.length).toBe(before);
    });
  });
});
