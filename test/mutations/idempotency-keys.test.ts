import { join } from 'node:path';
import { StartRunDocument } from '../../examples/frontend-queries/generated/graphql';
import { faults, json, metricSample, scrapeMetrics, TEST_TOKEN, useGateway, waitFor, withGateway } from '../harness';
import { startedRun } from './write-fixtures';
import { seedProcessRun } from '../../src/demo/fixtures';
import { MemoryIdempotencyStore } from '../../src/writes/idempotency/memory-idempotency-store';
import { MUTATION_CASES, type MutationCase } from './mutation-cases';
import { heldAnswer, onlyCode, sendCase, sendWithKey, type RawAnswer } from './idempotency-http';

const ENV = { UPSTREAM_TIMEOUT_MS: '2000', UPSTREAM_RETRY_BASE_DELAY_MS: '10', UPSTREAM_BREAKER_THRESHOLD: '0' };
let keys = 0;
const freshKey = () => `test-key-${process.pid}-${++keys}`;

/** A replay: the first answer's status and bytes, marked Idempotent-Replayed (and the first was not). */
function expectReplay(first: RawAnswer, again: RawAnswer): void {
  expect({ status: again.status, text: again.text, replayed: again.headers.get('idempotent-replayed') }).toEqual({
    status: first.status,
    text: first.text,
    replayed: 'true',
  });
  expect(first.headers.get('idempotent-replayed')).toBeNull();
}

describe('Idempotency-Key on each mutation: a retry with the key never sends the write again', () => {
  const t = useGateway({ env: ENV, warmUp: true });
  const route = (mutation: MutationCase, handler: import('../harness').FakeHandler) =>
    t.upstream.onPath(mutation.method, mutation.path, handler);
  const writes = (mutation: MutationCase) =>
    t.upstream.requests.filter((request) => request.method === mutation.method && request.path === mutation.path);

  describe.each(MUTATION_CASES.map((mutation) => [mutation.name, mutation] as const))('%s', (_name, mutation) => {
    it('replay after success: the stored answer byte for byte, Idempotent-Replayed: true, one upstream request', async () => {
      route(mutation, (_request, response) => mutation.succeed(response));
      const key = freshKey();
      const first = await sendCase(t.gateway, key, mutation);
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data?.[mutation.name]).not.toBeNull();
      expectReplay(first, await sendCase(t.gateway, key, mutation));
      expect(writes(mutation)).toHaveLength(1);
    });

    it('replay after UNKNOWN (the upstream acts, then stalls): the timeout answer again, never a second write', async () => {
      route(mutation, faults.stallBeforeHeaders());
      const key = freshKey();
      const first = await sendCase(t.gateway, key, mutation);
      expect(onlyCode(first)).toBe('UPSTREAM_TIMEOUT');
      expect(first.body.errors![0]!.extensions!.outcome).toBe('UNKNOWN');
      route(mutation, (_request, response) => mutation.succeed(response));
      expectReplay(first, await sendCase(t.gateway, key, mutation));
      expect(writes(mutation)).toHaveLength(1);
    });

    it('replay after a 4xx: the refusal again (it followed an upstream request), no second request', async () => {
      route(mutation, faults.status(404, { code: '404', message: 'Not found' }));
      const key = freshKey();
      const first = await sendCase(t.gateway, key, mutation);
      expect(onlyCode(first)).toBe('NOT_FOUND');
      route(mutation, (_request, response) => mutation.succeed(response));
      expectReplay(first, await sendCase(t.gateway, key, mutation));
      expect(writes(mutation)).toHaveLength(1);
    });

    it('two concurrent requests with one key: exactly one upstream request, the other IDEMPOTENCY_KEY_IN_USE (HTTP 409)', async () => {
      const held = heldAnswer((response) => mutation.succeed(response));
      route(mutation, held.handler);
      const key = freshKey();
      const answers = [sendCase(t.gateway, key, mutation), sendCase(t.gateway, key, mutation)];
      await waitFor(() => writes(mutation).length === 1, 'the first write to reach the upstream');
      const settled: RawAnswer[] = [];
      answers.forEach((answer) => void answer.then((done) => settled.push(done)));
      await waitFor(() => settled.length === 1, 'the second request to be refused while the first is in flight');
      held.release();
      const [a, b] = await Promise.all(answers);
      const [conflict, applied] = a!.status === 409 ? [a!, b!] : [b!, a!];
      expect({
        status: conflict.status,
        code: onlyCode(conflict),
        outcome: conflict.body.errors![0]!.extensions!.outcome,
      }).toEqual({
        status: 409,
        code: 'IDEMPOTENCY_KEY_IN_USE',
        outcome: 'NOT_APPLIED',
      });
      expect(conflict.body).toEqual({
        errors: [
          {
            message: 'A request with this Idempotency-Key is still running; retry later with the same key.',
            extensions: { code: 'IDEMPOTENCY_KEY_IN_USE', outcome: 'NOT_APPLIED' },
          },
        ],
      });
      expect([applied.status, applied.body.errors]).toEqual([200, undefined]);
      expect(writes(mutation)).toHaveLength(1);
    });

    it('the key reused with other variables: IDEMPOTENCY_KEY_REUSED (HTTP 422), no upstream call', async () => {
      route(mutation, (_request, response) => mutation.succeed(response));
      const key = freshKey();
      await sendCase(t.gateway, key, mutation);
      const reused = await sendCase(t.gateway, key, mutation, 'other-value');
      expect({ status: reused.status, code: onlyCode(reused) }).toEqual({
        status: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      expect(t.upstream.requests).toHaveLength(1);
    });

    it('input refused before any call is not stored: the key stays free for the corrected request', async () => {
      route(mutation, (_request, response) => mutation.succeed(response));
      const key = freshKey();
      const refused = await sendCase(t.gateway, key, mutation, '');
      expect(onlyCode(refused)).toBe('BAD_USER_INPUT');
      const corrected = await sendCase(t.gateway, key, mutation);
      expect([corrected.status, corrected.body.errors, corrected.headers.get('idempotent-replayed')]).toEqual([
        200,
        undefined,
        null,
      ]);
      expect(writes(mutation)).toHaveLength(1);
    });
  });

  it('the same variables in another key order are the same request (replayed, not REUSED)', async () => {
    const mutation = MUTATION_CASES[1]!;
    route(mutation, (_request, response) => mutation.succeed(response));
    const key = freshKey();
    const variables = mutation.variables();
    const first = await sendWithKey(t.gateway, key, mutation.document, variables);
    const reordered = Object.fromEntries(Object.entries(variables).reverse());
    expectReplay(first, await sendWithKey(t.gateway, key, mutation.document, reordered));
  });

  it('a key is per caller: another Authorization with the same key is a new request', async () => {
    const mutation = MUTATION_CASES[0]!;
    route(mutation, (_request, response) => mutation.succeed(response));
    const key = freshKey();
    await sendCase(t.gateway, key, mutation);
    const other = await sendWithKey(t.gateway, key, mutation.document, mutation.variables(), {
      authorization: 'Bearer another-caller',
    });
    expect([other.status, other.body.errors, other.headers.get('idempotent-replayed')]).toEqual([200, undefined, null]);
    expect(writes(mutation)).toHaveLength(2);
  });

  it('a key on a query is ignored: both reads go upstream, no replay', async () => {
    t.upstream.onRun('run-1', (_request, response) => json(response, 200, { ...seedProcessRun, id: 'run-1' }));
    const key = freshKey();
    for (let i = 0; i < 2; i++) {
      const answer = await sendWithKey(t.gateway, key, `{ processRun(id: "run-1") { id } }`);
      expect([answer.status, answer.body.data, answer.headers.get('idempotent-replayed')]).toEqual([
        200,
        { processRun: { id: 'run-1' } },
        null,
      ]);
    }
    expect(t.upstream.runRequests).toHaveLength(2);
  });

  it.each([
    ['empty', ''],
    ['a space inside', 'my key'],
    ['256 characters', 'k'.repeat(256)],
    ['a non-ASCII character', 'cl\u00e9'],
  ])('a malformed key (%s) on a mutation: BAD_REQUEST (HTTP 400), no upstream call', async (_name, key) => {
    const answer = await sendCase(t.gateway, key, MUTATION_CASES[0]!);
    expect({ status: answer.status, code: onlyCode(answer) }).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect(answer.body.errors![0]!.message).toContain('Idempotency-Key');
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('255 visible ASCII characters is a good key', async () => {
    const mutation = MUTATION_CASES[0]!;
    route(mutation, (_request, response) => mutation.succeed(response));
    const key = Array.from({ length: 255 }, (_, i) => String.fromCharCode(0x21 + (i % 94))).join('');
    const first = await sendCase(t.gateway, key, mutation);
    expect(first.status).toBe(200);
    expectReplay(first, await sendCase(t.gateway, key, mutation));
  });

  it('an operation refused by the write budget claims no key', async () => {
    const mutation = MUTATION_CASES[0]!;
    route(mutation, (_request, response) => mutation.succeed(response));
    const key = freshKey();
    const many = `mutation { ${Array.from({ length: 26 }, (_, i) => `r${i}: runProcess(processId: "process-abc123") { id }`).join(' ')} }`;
    expect(onlyCode(await sendWithKey(t.gateway, key, many))).toBe('OPERATION_LIMIT_EXCEEDED');
    const corrected = await sendCase(t.gateway, key, mutation);
    expect([corrected.status, corrected.body.errors]).toEqual([200, undefined]);
    expect(writes(mutation)).toHaveLength(1);
  });

  it('a partial answer (one field applied, one refused by the upstream) is replayed whole', async () => {
    t.upstream.onPath('POST', '/processes/P1/run', (_request, response) => MUTATION_CASES[0]!.succeed(response));
    const key = freshKey();
    const document = `mutation { a: runProcess(processId: "P1") { id } b: runProcess(processId: "missing") { id } }`;
    const first = await sendWithKey(t.gateway, key, document);
    expect(first.body.data).toEqual({ a: { id: 'processrun-new-001' }, b: null });
    expectReplay(first, await sendWithKey(t.gateway, key, document));
    expect(t.upstream.requests).toHaveLength(2);
  });

  describe('the request log line of a replay records what the client got, marked idempotentReplay', () => {
    const mutation = MUTATION_CASES[0]!;
    const lineOf = (requestId: string) => {
      const line = t.gateway.logs.entries.find((entry) => entry.msg === 'request' && entry.requestId === requestId);
      if (!line) throw new Error(`no request line for ${requestId}:\n${t.gateway.logs.text}`);
      const { level, status, errorCodes, idempotentReplay } = line;
      return { level, status, errorCodes, idempotentReplay };
    };
    const sendTwice = async (key: string) => {
      const send = (requestId: string) =>
        sendWithKey(t.gateway, key, mutation.document, mutation.variables(), { 'x-request-id': requestId });
      const first = await send(`${key}-first`);
      const again = await send(`${key}-again`);
      expectReplay(first, again);
      return { first: lineOf(`${key}-first`), again: lineOf(`${key}-again`), status: again.status };
    };

    it('a replayed NOT_FOUND (the upstream refused): the code the client got again, at info', async () => {
      route(mutation, faults.status(404, { code: '404', message: 'Not found' }));
      const { first, again, status } = await sendTwice(freshKey());
      expect(first).toEqual({ level: 30, status: 200, errorCodes: ['NOT_FOUND'], idempotentReplay: undefined });
      expect(again).toEqual({ level: 30, status, errorCodes: ['NOT_FOUND'], idempotentReplay: true });
    });

    it('a replayed UPSTREAM_TIMEOUT: its code, at info (the failure was logged at warn when it happened)', async () => {
      route(mutation, faults.stallBeforeHeaders());
      const { first, again, status } = await sendTwice(freshKey());
      expect(first).toEqual({ level: 40, status: 200, errorCodes: ['UPSTREAM_TIMEOUT'], idempotentReplay: undefined });
      expect(again).toEqual({ level: 30, status, errorCodes: ['UPSTREAM_TIMEOUT'], idempotentReplay: true });
    });

    it('a replayed success: no error codes', async () => {
      route(mutation, (_request, response) => mutation.succeed(response));
      const { again, status } = await sendTwice(freshKey());
      expect(again).toEqual({ level: 30, status, errorCodes: undefined, idempotentReplay: true });
    });
  });
});

describe('answers refused before any upstream call free the key', () => {
  it('the breaker open: NOT_APPLIED, not stored; the same key runs once the upstream is back', async () => {
    await withGateway(
      { UPSTREAM_BREAKER_THRESHOLD: '1', UPSTREAM_BREAKER_HALF_OPEN_AFTER_MS: '200', UPSTREAM_MAX_ATTEMPTS: '1' },
      async (gateway) => {
        const mutation = MUTATION_CASES[0]!;
        gateway.upstream.onAny(faults.status(503, { code: '503' }));
        await sendWithKey(gateway, null, '{ processRun(id: "trip") { id } }');
        const key = freshKey();
        const refused = await sendCase(gateway, key, mutation);
        expect([onlyCode(refused), refused.body.errors![0]!.extensions!.outcome]).toEqual([
          'UPSTREAM_UNAVAILABLE',
          'NOT_APPLIED',
        ]);
        expect(gateway.upstream.requests).toHaveLength(1);
        gateway.upstream.onAny((_request, response) => mutation.succeed(response));
        let later: RawAnswer | null = null;
        await waitFor(async () => {
          later = await sendCase(gateway, key, mutation);
          return later.status === 200 && later.body.errors === undefined;
        }, 'the breaker to let the write through');
        expect(later!.headers.get('idempotent-replayed')).toBeNull();
        expect(gateway.upstream.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
      },
    );
  });
});

describe('IDEMPOTENCY_REQUIRED=true', () => {
  const t = useGateway({ env: { IDEMPOTENCY_REQUIRED: 'true' } });

  it('a mutation without a key: IDEMPOTENCY_KEY_REQUIRED (HTTP 400), no upstream call; with a key it runs; a query needs none', async () => {
    const mutation = MUTATION_CASES[0]!;
    t.upstream.onPath(mutation.method, mutation.path, (_request, response) => mutation.succeed(response));
    const refused = await sendCase(t.gateway, null, mutation);
    expect({
      status: refused.status,
      code: onlyCode(refused),
      outcome: refused.body.errors![0]!.extensions!.outcome,
    }).toEqual({
      status: 400,
      code: 'IDEMPOTENCY_KEY_REQUIRED',
      outcome: 'NOT_APPLIED',
    });
    expect(t.upstream.requests).toHaveLength(0);
    expect((await sendCase(t.gateway, freshKey(), mutation)).body.errors).toBeUndefined();
    t.upstream.onRun('run-1', (_request, response) => json(response, 200, { ...seedProcessRun, id: 'run-1' }));
    expect((await sendWithKey(t.gateway, null, `{ processRun(id: "run-1") { id } }`)).body.errors).toBeUndefined();
  });
});

describe('the memory store is bounded (IDEMPOTENCY_MAX_ENTRIES): the oldest key is evicted first and is then new', () => {
  const t = useGateway({ env: { IDEMPOTENCY_MAX_ENTRIES: '2' } });

  it('three keys into two slots: the first is forgotten (its retry writes again), the last two replay', async () => {
    const mutation = MUTATION_CASES[0]!;
    t.upstream.onPath(mutation.method, mutation.path, (_request, response) => mutation.succeed(response));
    const [k1, k2, k3] = [freshKey(), freshKey(), freshKey()];
    for (const key of [k1, k2, k3]) await sendCase(t.gateway, key, mutation);
    expect(t.upstream.requests).toHaveLength(3);
    expect((await sendCase(t.gateway, k3, mutation)).headers.get('idempotent-replayed')).toBe('true');
    expect((await sendCase(t.gateway, k2, mutation)).headers.get('idempotent-replayed')).toBe('true');
    expect(t.upstream.requests).toHaveLength(3);
    expect((await sendCase(t.gateway, k1, mutation)).headers.get('idempotent-replayed')).toBeNull();
    expect(t.upstream.requests).toHaveLength(4);
  });
});

describe('MemoryIdempotencyStore', () => {
  const answer = { status: 200, contentType: 'application/json', body: '{"data":{}}' };

  it('a slot expires after its TTL; expired slots are dropped', async () => {
    let now = 1_000;
    const store = new MemoryIdempotencyStore(10, Number.POSITIVE_INFINITY, () => now);
    expect(await store.claim('s', 'f', 100)).toEqual({ kind: 'claimed' });
    await store.finish('s', 'f', answer, 100);
    now += 99;
    expect(await store.claim('s', 'f', 100)).toEqual({ kind: 'finished', fingerprint: 'f', answer });
    now += 1;
    expect(await store.claim('s', 'g', 100)).toEqual({ kind: 'claimed' });
    expect(store.size).toBe(1);
  });

  it('bounded by the bytes of kept answers: the oldest slots go first, the one just kept stays', async () => {
    const store = new MemoryIdempotencyStore(100, 25);
    const sized = (bytes: number) => ({ status: 200, contentType: null, body: 'x'.repeat(bytes) });
    for (const slot of ['a', 'b', 'c']) {
      await store.claim(slot, 'f', 1_000);
      await store.finish(slot, 'f', sized(10), 1_000);
    }
    expect([store.size, store.answerBytes]).toEqual([2, 20]);
    expect((await store.claim('a', 'f', 1_000)).kind).toBe('claimed');
    await store.finish('a', 'f', sized(40), 1_000);
    expect([store.size, store.answerBytes]).toEqual([1, 40]);
    expect(await store.claim('a', 'f', 1_000)).toMatchObject({ kind: 'finished' });
  });

  it('release frees only an in-flight claim with the same fingerprint', async () => {
    const store = new MemoryIdempotencyStore(10);
    await store.claim('s', 'f', 1_000);
    await store.release('s', 'other');
    expect(await store.claim('s', 'f', 1_000)).toEqual({ kind: 'in-flight', fingerprint: 'f' });
    await store.finish('s', 'f', answer, 1_000);
    await store.release('s', 'f');
    expect((await store.claim('s', 'f', 1_000)).kind).toBe('finished');
  });
});

describe('/metrics counts each keyed decision', () => {
  it('claimed, replayed, reused, malformed, and required (with IDEMPOTENCY_REQUIRED)', async () => {
    await withGateway({ IDEMPOTENCY_REQUIRED: 'true' }, async (gateway) => {
      const mutation = MUTATION_CASES[0]!;
      gateway.upstream.onPath(mutation.method, mutation.path, (_request, response) => mutation.succeed(response));
      const key = freshKey();
      await sendCase(gateway, key, mutation);
      await sendCase(gateway, key, mutation);
      await sendCase(gateway, key, mutation, 'process-other');
      await sendCase(gateway, 'bad key', mutation);
      await sendCase(gateway, null, mutation);
      const text = await scrapeMetrics(gateway);
      const decisions = ['claimed', 'replayed', 'reused', 'malformed', 'required', 'in_use', 'unavailable'].map(
        (decision) => [decision, metricSample(text, 'gateway_idempotency_decisions_total', { decision })],
      );
      expect(Object.fromEntries(decisions)).toEqual({
        claimed: 1,
        replayed: 1,
        reused: 1,
        malformed: 1,
        required: 1,
        in_use: 0,
        unavailable: 0,
      });
    });
  });
});

describe('with trusted documents (PERSISTED_OPERATIONS_FILE): a hash-only request is fingerprinted too', () => {
  const file = join(__dirname, '..', '..', 'examples', 'frontend-queries', 'generated', 'persisted-documents.json');
  const hash = (StartRunDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
  const post = (gateway: { url: string }, key: string, processId: string) =>
    fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: TEST_TOKEN, 'idempotency-key': key },
      body: JSON.stringify({
        variables: { processId },
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      }),
    }).then(async (response) => ({
      status: response.status,
      text: await response.text(),
      replayed: response.headers.get('idempotent-replayed'),
    }));

  it('replayed with the same variables, IDEMPOTENCY_KEY_REUSED with others, one upstream request', async () => {
    await withGateway({ PERSISTED_OPERATIONS_FILE: file }, async (gateway) => {
      gateway.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) =>
        json(response, 201, startedRun),
      );
      const key = freshKey();
      const first = await post(gateway, key, 'process-abc123');
      expect([first.status, first.text]).toEqual([200, expect.stringContaining(startedRun.id)]);
      expect(await post(gateway, key, 'process-abc123')).toEqual({ ...first, replayed: 'true' });
      const reused = await post(gateway, key, 'process-other');
      expect([reused.status, JSON.parse(reused.text).errors[0].extensions.code]).toEqual([
        422,
        'IDEMPOTENCY_KEY_REUSED',
      ]);
      expect(gateway.upstream.requests).toHaveLength(1);
    });
  });
});
