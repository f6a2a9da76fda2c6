import { StartRunDocument } from '../../examples/frontend-queries/generated/graphql';
import { IdempotentClient, KeyReusedError } from '../../examples/idempotent-client/idempotent-client';
import { startRun } from '../../examples/idempotent-client/start-run';
import { faults, json, TEST_TOKEN, useGateway } from '../harness';
import { heldAnswer } from './idempotency-http';
import { startedRun } from './write-fixtures';

const RUN_PATH = '/processes/process-abc123/run';

describe('examples/idempotent-client – a typed client that retries a mutation safely', () => {
  const t = useGateway({ env: { UPSTREAM_TIMEOUT_MS: '30000' } });
  const options = (extra: Partial<ConstructorParameters<typeof IdempotentClient>[0]> = {}) => ({
    url: `${t.gateway.url}/graphql`,
    authorization: TEST_TOKEN,
    backoffMs: () => 20,
    ...extra,
  });
  const writes = () => t.upstream.requests.filter((request) => request.method === 'POST' && request.path === RUN_PATH);

  it('the first attempt is dropped while the upstream works; the retries meet IDEMPOTENCY_KEY_IN_USE, then the stored answer: one run', async () => {
    const held = heldAnswer((response) => json(response, 201, startedRun));
    t.upstream.onPath('POST', RUN_PATH, held.handler);
    const attempts: string[] = [];
    const started = startRun(
      options({
        attemptTimeoutMs: 300,
        maxAttempts: 1000,
        onAttempt: (_attempt, result) => {
          attempts.push(result);
          if (result === 'IDEMPOTENCY_KEY_IN_USE') held.release();
        },
      }),
      'process-abc123',
    );
    const result = await started;
    expect(result).toEqual({
      started: expect.objectContaining({ id: startedRun.id, process: { id: 'process-abc123' } }),
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(attempts[0]).toMatch(/TimeoutError|AbortError/);
    expect(attempts).toContain('IDEMPOTENCY_KEY_IN_USE');
    expect(attempts.at(-1)).toBe('answered');
    expect(writes()).toHaveLength(1);
  });

  it('the answer of a finished write comes back replayed when the caller resumes with its key', async () => {
    t.upstream.onPath('POST', RUN_PATH, (_request, response) => json(response, 201, startedRun));
    const client = new IdempotentClient(options());
    const first = await client.mutate(StartRunDocument, { processId: 'process-abc123' });
    if (first.kind !== 'answered') throw new Error(first.lastProblem);
    const again = await client.mutate(StartRunDocument, { processId: 'process-abc123' }, first.idempotencyKey);
    expect(again).toEqual({ ...first, replayed: true });
    expect(writes()).toHaveLength(1);
  });

  it('a field error is returned, not retried, with the advice its outcome calls for', async () => {
    t.upstream.onPath('POST', RUN_PATH, faults.status(409, { code: '409', message: 'Process is already running' }));
    const result = await startRun(options(), 'process-abc123');
    expect(result).toMatchObject({ started: null, code: 'CONFLICT', advice: 'fix-and-send-with-a-new-key' });
    t.upstream.onPath('POST', RUN_PATH, faults.status(503, { code: '503' }));
    expect(await startRun(options({ maxAttempts: 3 }), 'process-abc123')).toMatchObject({
      started: null,
      code: 'UPSTREAM_UNAVAILABLE',
      advice: 'look-before-sending-again-with-a-new-key',
    });
    expect(writes()).toHaveLength(2);
  });

  it('a key reused for another request throws KeyReusedError (a caller bug), and no upstream call is made for it', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) => json(response, 201, startedRun));
    const client = new IdempotentClient(options());
    const first = await client.mutate(StartRunDocument, { processId: 'process-abc123' });
    await expect(
      client.mutate(StartRunDocument, { processId: 'process-other' }, first.idempotencyKey),
    ).rejects.toBeInstanceOf(KeyReusedError);
    expect(t.upstream.requests).toHaveLength(1);
  });
});
