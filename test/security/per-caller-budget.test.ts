import { loadConfig } from '../../src/config/config';
import { PerCallerRateBudget } from '../../src/upstream/resilience/caller-rate-budget';
import { seedProcessRun } from '../../src/demo/fixtures';
import { execute, json, useGateway, waitFor, type ExecutionResult } from '../harness';
import { createSigningKey, JwksServer, signToken, TEST_AUDIENCE, TEST_ISSUER } from '../harness/jwks-server';

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

describe('UPSTREAM_RATE_LIMIT_PER_CALLER with one shared upstream credential (coalesced reads)', () => {
  const jwks = new JwksServer();
  let alice = '';
  let bob = '';
  const env: Record<string, string> = {
    UPSTREAM_CLIENT_ID: 'gateway-client',
    UPSTREAM_CLIENT_SECRET: 'client-secret-value',
    AUTH_MODE: 'jwt',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    UPSTREAM_RATE_LIMIT_PER_CALLER: '1/60s',
  };
  // Held token answers keep a read in flight; a token that expires at once makes every upstream call fetch one.
  let tokenGate: Promise<void> = Promise.resolve();
  beforeAll(async () => {
    const key = await createSigningKey('key-1');
    await jwks.start();
    jwks.keys = [key];
    env.AUTH_JWKS_URL = jwks.url;
    [alice, bob] = await Promise.all([signToken(key, { sub: 'alice' }), signToken(key, { sub: 'bob' })]);
  });
  afterAll(() => jwks.stop());
  const t = useGateway({
    per: 'test',
    env,
    upstream: (upstream) =>
      upstream
        .onPath('POST', '/oauth2/token', (_request, response) => {
          void tokenGate.then(() =>
            json(response, 200, { access_token: 'gateway-token', token_type: 'Bearer', expires_in: 0.001 }),
          );
        })
        .serveRun({ ...seedProcessRun, id: 'run-1' }),
  });
  const read = (token: string) =>
    execute(t.gateway, QUERY, undefined, { headers: { authorization: `Bearer ${token}` } });

  it("a caller over its share is refused alone, before any fetch: another caller's identical read is answered", async () => {
    expect(verdict(await read(alice))).toBe('ok');
    let release = () => {};
    tokenGate = new Promise<void>((resolve) => (release = resolve));
    const tokens = () => t.upstream.requestsTo('/oauth2/token').length;
    const before = tokens();
    // Refused while the token endpoint is held: the refusal never became a call in flight that others could join.
    expect(verdict(await read(alice))).toBe('RATE_LIMITED:caller');
    expect(tokens()).toBe(before);
    const bobAnswer = read(bob);
    await waitFor(() => tokens() > before, "bob's read in flight");
    release();
    expect(verdict(await bobAnswer)).toBe('ok');
    expect(t.upstream.runRequests).toHaveLength(2);
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
