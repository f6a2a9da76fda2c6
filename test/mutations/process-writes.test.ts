import pino from 'pino';
import { UpstreamCallBudget } from '../../src/loaders/upstream-call-budget';
import { passthroughCredentials } from '../../src/upstream/credentials';
import { ProcessesClient } from '../../src/upstream/processes-client';
import { createProcessWrites } from '../../src/writes/process-writes';
import { TEST_TOKEN, useFakeUpstream } from '../harness';

const MUTATION_METHODS = ['addJobRuns', 'batchUpdateProcess', 'createProcess', 'runProcess', 'trashProcess'];

describe('createProcessWrites – only the client’s write methods are reachable', () => {
  const fake = useFakeUpstream();
  const logger = pino({ level: 'silent' });
  let client: ProcessesClient;
  beforeAll(() => {
    client = new ProcessesClient({
      baseUrl: fake.upstream.url,
      apiVersion: 'test',
      timeoutMs: 5_000,
      maxBodyBytes: 1024 * 1024,
      credentials: passthroughCredentials(true),
      logger,
    });
  });
  afterAll(() => client.close());
  const call = { callerAuthorization: TEST_TOKEN, requestId: 'req-writes', logger };

  it('the five mutations’ methods and the sequence are its only keys', () => {
    const writes = createProcessWrites(client, call, new UpstreamCallBudget(5));
    const keys: string[] = [];
    // for…in: its own keys and every enumerable one it inherits (the write methods live on its prototype).
    for (const key in writes) keys.push(key);
    expect(keys.sort()).toEqual([...MUTATION_METHODS, 'sequence'].sort());
    for (const method of MUTATION_METHODS) expect(typeof (writes as Record<string, unknown>)[method]).toBe('function');
  });

  it.each([
    'constructor',
    'hasOwnProperty',
    'toString',
    '__proto__',
    'send',
    'attempt',
    'read',
    'write',
    'guarded',
    'takeToken',
    'takeCallerShare',
    'options',
    'getProcessRun',
    'readJson',
    'close',
    'breakerReport',
  ])('%s is undefined, and reading it spends no budget', (name) => {
    const budget = new UpstreamCallBudget(5);
    const writes = createProcessWrites(client, call, budget) as unknown as Record<string, unknown>;
    expect(writes[name]).toBeUndefined();
    expect(budget.used).toBe(0);
  });

  it('a write spends one call and goes upstream with the caller’s credentials and request id', async () => {
    fake.upstream.onPath('DELETE', '/processes/p1', (_request, response) => void response.writeHead(204).end());
    const budget = new UpstreamCallBudget(5);
    await createProcessWrites(client, call, budget).trashProcess('p1');
    expect(budget.used).toBe(1);
    expect(
      fake.upstream.requests.map(({ method, path, headers }) => ({
        method,
        path,
        authorization: headers.authorization,
        requestId: headers['x-request-id'],
      })),
    ).toEqual([{ method: 'DELETE', path: '/processes/p1', authorization: TEST_TOKEN, requestId: 'req-writes' }]);
  });
});
