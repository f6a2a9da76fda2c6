import WebSocket from 'ws';
import { loadConfig } from '../../src/config/config';
import { seedProcessRun } from '../../src/demo/fixtures';
import { TEST_TOKEN, withGateway } from '../harness';
import { rawRequest } from '../harness/raw-http';

const QUERY = JSON.stringify({ query: '{ processRun(id: "run-1") { id } }' });
const SUBSCRIPTION = JSON.stringify({ query: 'subscription { processRunUpdated(id: "run-1") { id } }' });
const ALLOWED = 'https://app.example.com';

/** Opens a raw graphql-ws upgrade; the HTTP status the server answered (101 when it accepted). */
export function upgradeStatus(gatewayUrl: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${gatewayUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      socket.terminate();
    });
    socket.on('error', (error) => reject(error));
  });
}

function allowHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-')));
}

const post = (url: string, origin: string | null, body = QUERY, accept = 'application/json') =>
  rawRequest(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      authorization: TEST_TOKEN,
      ...(origin === null ? {} : { origin }),
    },
    body,
  });

const preflight = (url: string, origin: string) =>
  rawRequest(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });

describe('CORS_ORIGINS – HTTP, SSE and WebSocket follow one list', () => {
  const env = {
    CORS_ORIGINS: ALLOWED,
    NODE_ENV: 'production',
    DEMO_UPSTREAM: 'false',
    CURSOR_SECRET_EPHEMERAL: 'true',
  };
  const serve = (upstream: { serveRun: (run: typeof seedProcessRun) => unknown }) =>
    upstream.serveRun({ ...seedProcessRun, id: 'run-1' });

  it('an allowed origin gets its own origin back with credentials, on POST, preflight and SSE', async () => {
    await withGateway(
      env,
      async (gateway) => {
        const answer = await post(gateway.url, ALLOWED);
        expect(answer.status).toBe(200);
        expect(allowHeaders(answer.headers)).toMatchObject({
          'access-control-allow-origin': ALLOWED,
          'access-control-allow-credentials': 'true',
        });
        const flight = await preflight(gateway.url, ALLOWED);
        expect(flight.status).toBe(204);
        expect(allowHeaders(flight.headers)).toMatchObject({
          'access-control-allow-origin': ALLOWED,
          'access-control-allow-credentials': 'true',
          'access-control-allow-methods': 'GET, POST, OPTIONS',
        });
        // A browser on a listed origin may send an Idempotency-Key and ask for cache info (the preflight allows both).
        expect(String(flight.headers['access-control-allow-headers']).split(/, */)).toEqual(
          expect.arrayContaining(['authorization', 'idempotency-key', 'x-gateway-cache-info']),
        );
        const sse = await post(gateway.url, ALLOWED, SUBSCRIPTION, 'text/event-stream');
        expect(sse.headers['content-type']).toContain('text/event-stream');
        expect(allowHeaders(sse.headers)).toMatchObject({
          'access-control-allow-origin': ALLOWED,
          'access-control-allow-credentials': 'true',
        });
        expect(await upgradeStatus(gateway.url, { origin: ALLOWED })).toBe(101);
      },
      { upstream: serve },
    );
  });

  it.each([
    ['a foreign origin', 'https://evil.example'],
    ['the null origin (sandboxed frame, file:)', 'null'],
    ['an allowed host on another port', 'https://app.example.com:8443'],
    ['an allowed host over http', 'http://app.example.com'],
  ])(
    '%s gets no access-control-* header on POST, preflight or SSE, and its WebSocket upgrade is refused',
    async (_name, origin) => {
      await withGateway(
        env,
        async (gateway) => {
          const answer = await post(gateway.url, origin);
          expect(allowHeaders(answer.headers)).toEqual({});
          const flight = await preflight(gateway.url, origin);
          expect(allowHeaders(flight.headers)).toEqual({});
          const sse = await post(gateway.url, origin, SUBSCRIPTION, 'text/event-stream');
          expect(allowHeaders(sse.headers)).toEqual({});
          expect(await upgradeStatus(gateway.url, { origin })).toBe(403);
        },
        { upstream: serve },
      );
    },
  );

  it('a client without Origin (a server) is unaffected: answered, no allow headers, WebSocket accepted', async () => {
    await withGateway(
      env,
      async (gateway) => {
        const answer = await post(gateway.url, null);
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text)).toEqual({ data: { processRun: { id: 'run-1' } } });
        expect(allowHeaders(answer.headers)).toEqual({});
        expect(await upgradeStatus(gateway.url, {})).toBe(101);
      },
      { upstream: serve },
    );
  });

  it('the WebSocket check does not trust Host: a rebinding page whose Origin matches its Host is refused', async () => {
    await withGateway(env, async (gateway) => {
      const host = new URL(gateway.url).host;
      expect(await upgradeStatus(gateway.url, { origin: `http://${host}` })).toBe(403);
      expect(
        await upgradeStatus(gateway.url, { origin: 'http://rebind.evil.example', host: 'rebind.evil.example' }),
      ).toBe(403);
    });
  });

  it('outside production with nothing set, http://localhost and http://127.0.0.1 on any port are allowed, nothing else', async () => {
    await withGateway(
      {},
      async (gateway) => {
        for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://localhost']) {
          expect(allowHeaders((await post(gateway.url, origin)).headers)).toMatchObject({
            'access-control-allow-origin': origin,
          });
          expect(await upgradeStatus(gateway.url, { origin })).toBe(101);
        }
        for (const origin of ['https://localhost:5173', 'http://localhost.evil.example', 'https://evil.example']) {
          expect(allowHeaders((await post(gateway.url, origin)).headers)).toEqual({});
          expect(await upgradeStatus(gateway.url, { origin })).toBe(403);
        }
      },
      { upstream: serve },
    );
  });

  it('WS_ALLOWED_ORIGINS is an alias: it governs HTTP CORS too', async () => {
    await withGateway(
      { WS_ALLOWED_ORIGINS: ALLOWED },
      async (gateway) => {
        expect(allowHeaders((await post(gateway.url, ALLOWED)).headers)).toMatchObject({
          'access-control-allow-origin': ALLOWED,
        });
        expect(allowHeaders((await post(gateway.url, 'http://localhost:5173')).headers)).toEqual({});
        expect(await upgradeStatus(gateway.url, { origin: ALLOWED })).toBe(101);
      },
      { upstream: serve },
    );
  });
});

describe('ALLOWED_HOSTS', () => {
  const env = { ALLOWED_HOSTS: 'api.example.com, LOCALHOST' };

  it('an unlisted Host is refused with 421 before any work (no upstream call), HTTP and WebSocket alike', async () => {
    await withGateway(env, async (gateway) => {
      const refused = await rawRequest(gateway.url, {
        method: 'POST',
        headers: { host: 'rebind.evil.example:4000', 'content-type': 'application/json', authorization: TEST_TOKEN },
        body: QUERY,
      });
      expect(refused.status).toBe(421);
      expect(gateway.upstream.requests).toEqual([]);
      expect(await upgradeStatus(gateway.url, { host: 'rebind.evil.example' })).toBe(421);
      // Probes address a replica by IP.
      expect((await rawRequest(gateway.url, { path: '/health', headers: { host: '10.0.0.7:4000' } })).status).toBe(200);
      expect((await rawRequest(gateway.url, { path: '/metrics', headers: { host: '10.0.0.7:4000' } })).status).toBe(
        200,
      );
      expect(
        (await rawRequest(gateway.url, { path: '/graphql', headers: { host: '10.0.0.7:4000', accept: 'text/html' } }))
          .status,
      ).toBe(421);
    });
  });

  it('a listed Host is served whatever its port and case; same-origin WebSocket pages on it are accepted', async () => {
    await withGateway(
      env,
      async (gateway) => {
        const answer = await rawRequest(gateway.url, {
          method: 'POST',
          headers: { host: 'API.Example.com:8443', 'content-type': 'application/json', authorization: TEST_TOKEN },
          body: QUERY,
        });
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text)).toEqual({ data: { processRun: { id: 'run-1' } } });
        expect(await upgradeStatus(gateway.url, { host: 'api.example.com', origin: 'http://api.example.com' })).toBe(
          101,
        );
        expect(await upgradeStatus(gateway.url, { host: 'api.example.com', origin: 'http://other.example.com' })).toBe(
          403,
        );
      },
      { upstream: (upstream) => upstream.serveRun({ ...seedProcessRun, id: 'run-1' }) },
    );
  });
});

describe('origins config', () => {
  const production = {
    NODE_ENV: 'production',
    UPSTREAM_BASE_URL: 'https://api.example.com',
    CURSOR_SECRET: 'c'.repeat(32),
  };

  it('defaults: loopback any port outside production, nothing in production', () => {
    expect(loadConfig({}).origins.corsOrigins).toEqual({ kind: 'loopback-any-port' });
    expect(loadConfig(production).origins.corsOrigins).toEqual({ kind: 'list', origins: new Set() });
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example/, http://b.example:8080' }).origins.corsOrigins).toEqual({
      kind: 'list',
      origins: new Set(['https://a.example', 'http://b.example:8080']),
    });
  });

  it('refuses *, a non-origin, and a WS_ALLOWED_ORIGINS that disagrees with CORS_ORIGINS, in one line each', () => {
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(
      'Invalid configuration: CORS_ORIGINS must not be * (credentials are allowed cross-origin): list the origins',
    );
    expect(() => loadConfig({ WS_ALLOWED_ORIGINS: '*' })).toThrow(/WS_ALLOWED_ORIGINS must not be \*/);
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.com' })).toThrow(
      'Invalid configuration: CORS_ORIGINS must be a comma-separated list of origins like https://app.example.com, got "app.example.com"',
    );
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(
      /CORS_ORIGINS must be a comma-separated list/,
    );
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example', WS_ALLOWED_ORIGINS: 'https://b.example' })).toThrow(
      /WS_ALLOWED_ORIGINS is an alias of CORS_ORIGINS/,
    );
    expect(() => loadConfig({ ALLOWED_HOSTS: 'api.example.com:443' })).toThrow(
      /ALLOWED_HOSTS must be a comma-separated list of host names without port/,
    );
  });

  it('production with client credentials requires ALLOWED_HOSTS', () => {
    const credentials = {
      ...production,
      UPSTREAM_CLIENT_ID: 'id',
      UPSTREAM_CLIENT_SECRET: 'secret',
      AUTH_MODE: 'none',
    };
    expect(() => loadConfig(credentials)).toThrow(
      /^Invalid configuration: ALLOWED_HOSTS must be set when NODE_ENV=production/,
    );
    expect(loadConfig({ ...credentials, ALLOWED_HOSTS: 'api.example.com' }).origins.allowedHosts).toEqual(
      new Set(['api.example.com']),
    );
  });
});
