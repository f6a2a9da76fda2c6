import { loadConfig } from '../../src/config/config';
import { PerCallerRateBudget } from '../../src/upstream/resilience/caller-rate-budget';
import { seedProcessRun } from '../../src/demo/fixtures';
import { execute, useGateway, type ExecutionResult } from '../harness';

const QUERY = '{ processRun(id: "run-1") { id } }';
const ALICE = 'Bearer alice-token-0123456789';
const BOB = 'Bearer bob-token-9876543210';
const CAROL = 'Bearer carol-token-5555555555';

function verdict(result: ExecutionResult): string {
  if (!result.body.errors) return 'ok';
  const { code, scope, retryAfter } = result.body.errors[0]!.extensions!;
  if (code !== 'RATE_LIMITED' || !(retryAfter >= 1 && retryAfter <= 60))
    throw new Error(`unexpected answer: ${JSON.stringify(result.body)}`);
  return `${code}:${scope}`;
}

describe('UPSTREAM_RATE_LIMIT_PER_CALLER – one caller at full speed leaves the others served', () => {
  const t = useGateway({
    per: 'test',
    env: { UPSTREAM_RATE_LIMIT: '10/60s', UPSTREAM_RATE_LIMIT_PER_CALLER: '4/60s' },
    upstream: (upstream) => upstream.serveRun({ ...seedProcessRun, id: 'run-1' }),
  });
  const ask = async (authorization: string, times: number) => {
    const verdicts: string[] = [];
    for (let i = 0; i < times; i += 1)
      verdicts.push(verdict(await execute(t.gateway, QUERY, undefined, { headers: { authorization } })));
    return verdicts;
  };

  it('a caller past its share is RATE_LIMITED with scope "caller" and no upstream call; another caller is still served', async () => {
    expect(await ask(ALICE, 7)).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'RATE_LIMITED:caller',
      'RATE_LIMITED:caller',
      'RATE_LIMITED:caller',
    ]);
    expect(t.upstream.runRequests).toHaveLength(4);
    expect(await ask(BOB, 4)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(t.upstream.runRequests).toHaveLength(8);
    // The gateway's own budget (10) runs out for the third caller: scope "gateway".
    expect(await ask(CAROL, 3)).toEqual(['ok', 'ok', 'RATE_LIMITED:gateway']);
    expect(t.upstream.runRequests).toHaveLength(10);
  });

  it('the refusal names the caller scope and retryAfter in seconds', async () => {
    await ask(ALICE, 4);
    const refused = await execute(t.gateway, QUERY, undefined, { headers: { authorization: ALICE } });
    expect(refused.body.errors).toEqual([
      {
        message: 'Too many requests from this caller to the Processes API; retry later.',
        path: ['processRun'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'RATE_LIMITED', scope: 'caller', retryAfter: expect.any(Number) },
      },
    ]);
  });

  it('config: the N/Ts syntax of UPSTREAM_RATE_LIMIT; a bad value is one clear line', () => {
    expect(loadConfig({ UPSTREAM_RATE_LIMIT_PER_CALLER: '100/60s' }).resilience.rateLimitPerCaller).toEqual({
      limit: 100,
      windowMs: 60_000,
    });
    expect(() => loadConfig({ UPSTREAM_RATE_LIMIT_PER_CALLER: 'lots' })).toThrow(
      'Invalid configuration: UPSTREAM_RATE_LIMIT_PER_CALLER must look like 100/60s (calls/window, window in ms, s, m or h), got "lots"',
    );
  });
});

describe('PerCallerRateBudget – idle callers expire', () => {
  it('a caller that stops calling leaves no counter behind after one window', async () => {
    const budget = new PerCallerRateBudget({ rate: { limit: 2, windowMs: 1_000 }, client: null, fallbackShare: 1 });
    // rate-limiter-flexible's in-memory store; reached into here because its size is the claim under test.
    const stored = () =>
      (budget as unknown as { limiter: { _memoryStorage: { _storage: Map<string, unknown> } } }).limiter._memoryStorage
        ._storage;
    for (let caller = 0; caller < 100; caller += 1) expect(await budget.take(`caller-${caller}`)).toBeNull();
    expect(stored().size).toBe(100);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(stored().size).toBe(0);
  });
});
