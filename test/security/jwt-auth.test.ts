import { createHmac, createPublicKey } from 'node:crypto';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { seedProcessRun } from '../../src/demo/fixtures';
import { createLiveClient, execute, json, useGateway, type FakeUpstream } from '../harness';
import {
  createSigningKey,
  JwksServer,
  signToken,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type SigningKey,
} from '../harness/jwks-server';

const QUERY = '{ processRun(id: "run-1") { id } }';
const MUTATION = 'mutation { runProcess(processId: "process-abc123") { id } }';
const SUBSCRIPTION = 'subscription { processRunUpdated(id: "run-1") { id status } }';

const b64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function serveUpstream(upstream: FakeUpstream): void {
  upstream.onPath('POST', '/oauth2/token', (_request, response) =>
    json(response, 200, { access_token: 'gateway-token', token_type: 'Bearer', expires_in: 3600 }),
  );
  upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) =>
    json(response, 201, { ...seedProcessRun, id: 'run-9' }),
  );
  upstream.serveRun({ ...seedProcessRun, id: 'run-1', status: 'running' });
}

describe('AUTH_MODE=jwt – tokens verified against a real JWKS endpoint', () => {
  const jwks = new JwksServer();
  let current: SigningKey;
  let next: SigningKey;
  let unpublished: SigningKey;
  const env: Record<string, string> = {
    UPSTREAM_CLIENT_ID: 'gateway-client',
    UPSTREAM_CLIENT_SECRET: 'client-secret-value',
    AUTH_MODE: 'jwt',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_CLOCK_TOLERANCE_SECONDS: '0',
    AUTH_JWKS_COOLDOWN_MS: '1000',
    LIVE_POLL_INTERVAL_MS: '50',
  };
  beforeAll(async () => {
    [current, next, unpublished] = await Promise.all([
      createSigningKey('key-1'),
      createSigningKey('key-2', 'ES256'),
      createSigningKey('key-x'),
    ]);
    await jwks.start();
    jwks.keys = [current];
    env.AUTH_JWKS_URL = jwks.url;
  });
  afterAll(() => jwks.stop());
  const t = useGateway({ env, upstream: serveUpstream });

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const upstreamCalls = () => t.upstream.requests.filter((request) => request.path !== '/oauth2/token');

  async function expectRefused(authorization: string | undefined, reason: RegExp) {
    const result = await execute(t.gateway, QUERY, undefined, { headers: { authorization } });
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toBe('Bearer');
    expect(result.body).toEqual({
      errors: [
        {
          message: 'Authentication required: send a valid bearer token (Authorization: Bearer <JWT>).',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
    expect(t.upstream.requests).toEqual([]);
    const refusal = t.gateway.logs.entries.find((entry) => entry.msg === 'caller refused: UNAUTHENTICATED');
    expect(refusal?.reason).toMatch(reason);
    if (authorization) expect(t.gateway.logs.text).not.toContain(authorization.replace(/^Bearer /, ''));
    t.gateway.logs.lines.length = 0;
  }

  it('a valid token is served, the upstream called with the gateway token (never the caller JWT)', async () => {
    const token = await signToken(current);
    const result = await execute(t.gateway, QUERY, undefined, bearer(token));
    expect(result.body).toEqual({ data: { processRun: { id: 'run-1' } } });
    expect(upstreamCalls().map((request) => request.headers.authorization)).toEqual(['Bearer gateway-token']);
  });

  it.each<[string, (key: SigningKey) => Promise<string>, RegExp]>([
    ['expired', (key) => signToken(key, { exp: Math.floor(Date.now() / 1000) - 60 }), /ERR_JWT_EXPIRED/],
    [
      'not yet valid (nbf)',
      (key) => signToken(key, { nbf: Math.floor(Date.now() / 1000) + 300 }),
      /ERR_JWT_CLAIM_VALIDATION_FAILED/,
    ],
    [
      'from another issuer',
      (key) => signToken(key, { iss: 'https://evil.example/' }),
      /ERR_JWT_CLAIM_VALIDATION_FAILED/,
    ],
    ['for another audience', (key) => signToken(key, { aud: 'another-api' }), /ERR_JWT_CLAIM_VALIDATION_FAILED/],
    ['without exp', (key) => signToken(key, { exp: undefined }), /ERR_JWT_CLAIM_VALIDATION_FAILED/],
    [
      'signed by a key the JWKS does not publish (unknown kid)',
      () => signToken(unpublished),
      /ERR_JWKS_NO_MATCHING_KEY/,
    ],
    [
      'with a forged signature',
      async (key) => `${(await signToken(key)).replace(/\.[^.]+$/, '')}.${b64url('forged')}`,
      /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/,
    ],
    [
      'with alg none',
      async () =>
        `${b64url({ alg: 'none', kid: 'key-1' })}.${b64url({ sub: 'user-1', iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: 9_999_999_999, scope: 'processes:read' })}.`,
      /ERR_JOSE_ALG_NOT_ALLOWED/,
    ],
    [
      'HS256-signed with the public key (key confusion)',
      async (key) => {
        const publicPem = createPublicKey({ key: key.publicJwk as never, format: 'jwk' }).export({
          type: 'spki',
          format: 'pem',
        });
        const input = `${b64url({ alg: 'HS256', kid: 'key-1' })}.${b64url({ sub: 'user-1', iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: 9_999_999_999, scope: 'processes:read' })}`;
        return `${input}.${createHmac('sha256', publicPem).update(input).digest('base64url')}`;
      },
      /ERR_JOSE_ALG_NOT_ALLOWED/,
    ],
  ])(
    'a token %s is UNAUTHENTICATED (401, WWW-Authenticate: Bearer), no upstream call, reason logged, token never',
    async (_name, make, reason) => {
      await expectRefused(`Bearer ${await make(current)}`, reason);
    },
  );

  it('no token, or a header that is not a bearer JWT, is UNAUTHENTICATED with no upstream call', async () => {
    await expectRefused(undefined, /no bearer token/);
    await expectRefused('Basic dXNlcjpwYXNz', /malformed bearer token/);
    await expectRefused('Bearer not-a-jwt', /malformed bearer token/);
  });

  it('a request without a token meets no check after the 401: an APQ hash alone is UNAUTHENTICATED, not PERSISTED_QUERY_NOT_FOUND', async () => {
    const response = await fetch(`${t.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(t.upstream.requests).toEqual([]);
    t.gateway.logs.lines.length = 0;
  });

  it('key rotation: a token from a key published later verifies without a restart', async () => {
    const early = await signToken(next);
    await expectRefused(`Bearer ${early}`, /ERR_JWKS_NO_MATCHING_KEY/);
    jwks.keys = [current, next];
    // An unknown kid refetches the JWKS at most once per AUTH_JWKS_COOLDOWN_MS (1 s here).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const result = await execute(t.gateway, QUERY, undefined, bearer(await signToken(next)));
    expect(result.body).toEqual({ data: { processRun: { id: 'run-1' } } });
    expect((await execute(t.gateway, QUERY, undefined, bearer(await signToken(current)))).body).toEqual({
      data: { processRun: { id: 'run-1' } },
    });
  });

  describe('scopes', () => {
    const forbidden = (scope: string) => ({
      errors: [
        {
          message: `This operation needs the scope "${scope}", which the caller's token does not grant.`,
          extensions: { code: 'FORBIDDEN', requiredScope: scope },
        },
      ],
    });

    it('a read without processes:read is FORBIDDEN (403) naming the scope, with no upstream call', async () => {
      const result = await execute(
        t.gateway,
        QUERY,
        undefined,
        bearer(await signToken(current, { scope: 'processes:write' })),
      );
      expect(result.status).toBe(403);
      expect(result.body).toEqual(forbidden('processes:read'));
      expect(upstreamCalls()).toEqual([]);
    });

    it('a write without processes:write is FORBIDDEN even with read, with no upstream call; write alone does not grant read', async () => {
      const result = await execute(
        t.gateway,
        MUTATION,
        undefined,
        bearer(await signToken(current, { scope: 'processes:read' })),
      );
      expect(result.status).toBe(403);
      expect(result.body).toEqual(forbidden('processes:write'));
      expect(upstreamCalls()).toEqual([]);
      // Refused writes are audited too, the caller by JWT sub and iss.
      expect(t.gateway.logs.entries.filter((entry) => entry.name === 'audit').map((entry) => entry.audit)).toEqual([
        {
          caller: { sub: 'user-1', iss: TEST_ISSUER },
          mutation: 'runProcess',
          targets: { processId: 'process-abc123' },
          outcome: 'NOT_APPLIED',
          upstreamStatus: null,
          code: 'FORBIDDEN',
        },
      ]);
      const written = await execute(
        t.gateway,
        MUTATION,
        undefined,
        bearer(await signToken(current, { scope: undefined, scp: ['processes:write'] })),
      );
      expect(written.body).toEqual({ data: { runProcess: { id: 'run-9' } } });
    });

    it.each([
      ['a fragment spread', 'mutation M { ...F } fragment F on Mutation { trashProcess(processId: "p1") }', undefined],
      [
        'an inline fragment',
        'mutation M($id: ID!) { ... on Mutation { __typename trashProcess(processId: $id) } }',
        { id: 'p1' },
      ],
    ])(
      'a write refused for scope through %s: FORBIDDEN, one audit event naming it and its target, no upstream call',
      async (_how, document, variables) => {
        const result = await execute(
          t.gateway,
          document,
          variables,
          bearer(await signToken(current, { scope: 'processes:read' })),
        );
        expect([result.status, result.body]).toEqual([403, forbidden('processes:write')]);
        expect(upstreamCalls()).toEqual([]);
        expect(t.gateway.logs.entries.filter((entry) => entry.name === 'audit').map((entry) => entry.audit)).toEqual([
          {
            caller: { sub: 'user-1', iss: TEST_ISSUER },
            mutation: 'trashProcess',
            targets: { processId: 'p1' },
            outcome: 'NOT_APPLIED',
            upstreamStatus: null,
            code: 'FORBIDDEN',
          },
        ]);
      },
    );

    it('a refused mutation of __typename alone is FORBIDDEN and leaves no audit event (it is not a write)', async () => {
      const result = await execute(
        t.gateway,
        'mutation { __typename }',
        undefined,
        bearer(await signToken(current, { scope: 'processes:read' })),
      );
      expect([result.status, result.body]).toEqual([403, forbidden('processes:write')]);
      expect(upstreamCalls()).toEqual([]);
      expect(t.gateway.logs.entries.filter((entry) => entry.name === 'audit')).toEqual([]);
    });

    it('the scp array claim counts as well as the scope string', async () => {
      const result = await execute(
        t.gateway,
        QUERY,
        undefined,
        bearer(await signToken(current, { scope: undefined, scp: ['processes:read'] })),
      );
      expect(result.body).toEqual({ data: { processRun: { id: 'run-1' } } });
    });

    it.each(['sse', 'ws'] as const)(
      'a subscription without processes:read gets one FORBIDDEN event then completion over %s, no upstream call',
      async (transport) => {
        const client = createLiveClient(t.gateway, transport, {
          authorization: `Bearer ${await signToken(current, { scope: 'processes:write' })}`,
        });
        try {
          const watch = client.subscribe(SUBSCRIPTION);
          await watch.waitForEnd();
          expect(watch.failure).toBeUndefined();
          expect(watch.completed).toBe(true);
          expect(watch.events).toEqual([
            {
              errors: [
                {
                  message: 'This operation needs the scope "processes:read", which the caller\'s token does not grant.',
                  extensions: { code: 'FORBIDDEN', requiredScope: 'processes:read' },
                },
              ],
            },
          ]);
          expect(upstreamCalls()).toEqual([]);
        } finally {
          await client.close();
        }
      },
    );

    it.each(['sse', 'ws'] as const)(
      'over %s, a subscription ends when its token expires: one event with UNAUTHENTICATED, then completion',
      async (transport) => {
        const exp = Math.floor(Date.now() / 1000) + 3;
        const client = createLiveClient(t.gateway, transport, {
          authorization: `Bearer ${await signToken(current, { exp })}`,
        });
        try {
          const watch = client.subscribe(SUBSCRIPTION);
          await watch.waitForEvents(1);
          expect(watch.events[0]).toEqual({ data: { processRunUpdated: { id: 'run-1', status: 'RUNNING' } } });
          await watch.waitForEnd();
          expect(watch.failure).toBeUndefined();
          expect(watch.completed).toBe(true);
          expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
          expect(watch.events.at(-1)).toEqual({
            errors: [
              {
                message: 'The token expired: subscribe again with a fresh one.',
                extensions: { code: 'UNAUTHENTICATED' },
              },
            ],
          });
          expect(watch.events.slice(0, -1).every((event) => event.errors === undefined)).toBe(true);
        } finally {
          await client.close();
        }
      },
    );

    it('over graphql-ws, a subscription without a token in connection_init is UNAUTHENTICATED, no upstream call', async () => {
      const client = createLiveClient(t.gateway, 'ws', { authorization: null });
      try {
        const watch = client.subscribe(SUBSCRIPTION);
        await watch.waitForEnd();
        expect(watch.failure).toEqual([
          {
            message: 'Authentication required: send a valid bearer token (Authorization: Bearer <JWT>).',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ]);
        expect(upstreamCalls()).toEqual([]);
      } finally {
        await client.close();
      }
    });
  });
});

describe('AUTH_MODE=jwt over graphql-ws – the token never comes from the URL', () => {
  const jwks = new JwksServer();
  let key: SigningKey;
  const env: Record<string, string> = {
    UPSTREAM_CLIENT_ID: 'gateway-client',
    UPSTREAM_CLIENT_SECRET: 'client-secret-value',
    AUTH_MODE: 'jwt',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
  };
  beforeAll(async () => {
    key = await createSigningKey('key-1');
    await jwks.start();
    jwks.keys = [key];
    env.AUTH_JWKS_URL = jwks.url;
  });
  afterAll(() => jwks.stop());
  const t = useGateway({ env, upstream: serveUpstream });

  it('a valid token in the socket URL query, with none in connection_init, is UNAUTHENTICATED, no upstream call', async () => {
    const token = await signToken(key);
    const url = `${t.gateway.url.replace(/^http/, 'ws')}/graphql?Authorization=${encodeURIComponent(`Bearer ${token}`)}&access_token=${token}`;
    const client = createWsClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    try {
      const errors = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: SUBSCRIPTION },
          { next: () => resolve('unexpected event'), error: resolve, complete: () => resolve('completed') },
        );
      });
      expect((errors as Array<{ extensions?: { code?: string } }>).map((error) => error.extensions?.code)).toEqual([
        'UNAUTHENTICATED',
      ]);
      expect(t.upstream.requests.filter((request) => request.path !== '/oauth2/token')).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});
