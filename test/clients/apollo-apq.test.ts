// Automatic persisted queries with Apollo Client 4's own persisted-query link: miss, retry with the query, hit.
import { gql } from '@apollo/client';
import { seedProcessRun } from '../../src/demo/fixtures';
import { join } from 'node:path';
import { FakeUpstream, postGraphQL, RedisServer, useGateway, waitFor, withGateway } from '../harness';
import { startTestGateway, type TestGateway } from '../harness/gateway';
import { apolloClient, persistedQueryLink, sha256 } from './apollo-client';

const RUN = gql`
  query RunName($id: ID!) {
    processRun(id: $id) {
      id
      name
    }
  }
`;
const VARIABLES = { id: 'processrun-xyz789' };
const ALLOWLIST = join(__dirname, '..', '..', 'examples', 'frontend-queries', 'generated', 'persisted-documents.json');

describe('APQ – Apollo Client persisted-query link', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveRun(seedProcessRun) });

  it('over POST: a hash miss is PERSISTED_QUERY_NOT_FOUND, the link retries with the query, the next client hits by hash alone', async () => {
    const first = apolloClient(t.gateway.url, { links: [persistedQueryLink()] });
    const { data } = await first.client.query({ query: RUN, variables: VARIABLES, fetchPolicy: 'no-cache' });
    expect(data).toEqual({
      processRun: { __typename: 'ProcessRun', id: 'processrun-xyz789', name: seedProcessRun.name },
    });
    expect(
      first.wire.map(({ method, sent, status, codes }) => ({ method, hasQuery: 'query' in sent, status, codes })),
    ).toEqual([
      { method: 'POST', hasQuery: false, status: 400, codes: ['PERSISTED_QUERY_NOT_FOUND'] },
      { method: 'POST', hasQuery: true, status: 200, codes: [] },
    ]);
    // The hash is of the document the link sends (with __typename added), verified by the gateway on the retry.
    const sentQuery = first.wire[1]!.sent.query as string;
    expect(first.wire[0]!.sent.extensions).toMatchObject({
      persistedQuery: { version: 1, sha256Hash: sha256(sentQuery) },
    });
    // The miss cost no upstream call; the retry ran once.
    expect(t.upstream.runRequests).toHaveLength(1);

    const second = apolloClient(t.gateway.url, { links: [persistedQueryLink()] });
    const again = await second.client.query({ query: RUN, variables: VARIABLES, fetchPolicy: 'no-cache' });
    expect(again.data).toEqual(data);
    expect(second.wire.map(({ method, sent, status }) => ({ method, hasQuery: 'query' in sent, status }))).toEqual([
      { method: 'POST', hasQuery: false, status: 200 },
    ]);
    expect(t.upstream.runRequests).toHaveLength(2);
  });

  it('over GET (useGETForHashedQueries): the miss is a GET, the registration a POST, later GETs by hash hit', async () => {
    const query = gql`
      query RunStatus($id: ID!) {
        processRun(id: $id) {
          id
          status
        }
      }
    `;
    const first = apolloClient(t.gateway.url, { links: [persistedQueryLink(true)] });
    await first.client.query({ query, variables: VARIABLES, fetchPolicy: 'no-cache' });
    const second = apolloClient(t.gateway.url, { links: [persistedQueryLink(true)] });
    const { data } = await second.client.query({ query, variables: VARIABLES, fetchPolicy: 'no-cache' });
    expect((data as any).processRun.status).toEqual(expect.any(String));
    expect(
      [...first.wire, ...second.wire].map(({ method, sent, status, codes }) => ({
        method,
        hasQuery: 'query' in sent,
        status,
        codes,
      })),
    ).toEqual([
      { method: 'GET', hasQuery: false, status: 400, codes: ['PERSISTED_QUERY_NOT_FOUND'] },
      { method: 'POST', hasQuery: true, status: 200, codes: [] },
      { method: 'GET', hasQuery: false, status: 200, codes: [] },
    ]);
    expect(t.upstream.runRequests).toHaveLength(2);
  });

  it('a miss is not cacheable: Cache-Control no-store', async () => {
    const response = await fetch(
      `${t.gateway.url}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } }))}`,
      {
        headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
      },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(
      ((await response.json()) as { errors: { extensions: unknown }[] }).errors.map((error) => error.extensions),
    ).toEqual([{ code: 'PERSISTED_QUERY_NOT_FOUND' }]);
  });

  it("a hash that is not the query's SHA-256 is BAD_REQUEST, nothing is stored, no upstream call", async () => {
    const query = '{ processRun(id: "processrun-xyz789") { id revision } }';
    const wrong = sha256('something else');
    const refused = await postGraphQL(t.gateway, {
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: wrong } },
    });
    expect([refused.status, refused.body.errors?.map((error) => error.extensions)]).toEqual([
      400,
      [{ code: 'BAD_REQUEST' }],
    ]);
    const lookup = await postGraphQL(t.gateway, { extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expect(lookup.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'PERSISTED_QUERY_NOT_FOUND' }]);
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('a query already run as plain text (validation cached) is still stored when registered', async () => {
    const query = '{ processRun(id: "processrun-xyz789") { id dueDate } }';
    expect((await postGraphQL(t.gateway, { query })).body.errors).toBeUndefined();
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    expect((await postGraphQL(t.gateway, { query, extensions })).body.errors).toBeUndefined();
    const hit = await postGraphQL(t.gateway, { extensions });
    expect([hit.status, hit.body.errors, hit.body.data]).toEqual([
      200,
      undefined,
      { processRun: { id: 'processrun-xyz789', dueDate: expect.anything() } },
    ]);
  });

  it('a registration that fails validation is not stored', async () => {
    const query = '{ processRun(id: "processrun-xyz789") { noSuchField } }';
    const registered = await postGraphQL(t.gateway, {
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
    });
    expect(registered.body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const lookup = await postGraphQL(t.gateway, {
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
    });
    expect(lookup.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'PERSISTED_QUERY_NOT_FOUND' }]);
  });

  it('a stored mutation is never run over GET', async () => {
    const mutation = 'mutation Trash { trashProcess(processId: "process-abc123") }';
    const hash = sha256(mutation);
    // Registered through a POST that fails upstream (nothing is served): what matters is that it validated.
    const registered = await postGraphQL(t.gateway, {
      query: mutation,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    expect(registered.body.errors?.map((error) => error.extensions?.code)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    const writesBefore = t.upstream.requests.length;
    const response = await fetch(
      `${t.gateway.url}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`,
      {
        headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
      },
    );
    expect(response.status).toBe(405);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors.map(
        (error) => error.extensions.code,
      ),
    ).toEqual(['BAD_REQUEST']);
    expect(t.upstream.requests).toHaveLength(writesBefore);
  });
});

describe('APQ – refused where it cannot serve', () => {
  it('APQ=false: the link is told PERSISTED_QUERY_NOT_SUPPORTED and falls back to sending the query', async () => {
    await withGateway({ APQ: 'false' }, async (gateway) => {
      gateway.upstream.serveRun(seedProcessRun);
      const { client, wire } = apolloClient(gateway.url, { links: [persistedQueryLink()] });
      const { data } = await client.query({ query: RUN, variables: VARIABLES, fetchPolicy: 'no-cache' });
      expect((data as any).processRun.id).toBe('processrun-xyz789');
      const hashOf = (sent: Record<string, unknown>) =>
        (sent.extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery !== undefined;
      expect(wire.map(({ sent, codes }) => ({ hasQuery: 'query' in sent, hasHash: hashOf(sent), codes }))).toEqual([
        { hasQuery: false, hasHash: true, codes: ['PERSISTED_QUERY_NOT_SUPPORTED'] },
        { hasQuery: true, hasHash: false, codes: [] },
      ]);
    });
  });
});

describe('APQ – shared by replicas through Redis', () => {
  const redis = new RedisServer();
  const upstream = new FakeUpstream();
  let replicas: TestGateway[] = [];

  beforeAll(async () => {
    await redis.start();
    await upstream.start();
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'apq-gw:', APQ_TTL_MS: '60000' };
    replicas = [await startTestGateway(upstream.url, env), await startTestGateway(upstream.url, env)];
    upstream.serveRun(seedProcessRun);
    const redisStates = async () =>
      Promise.all(
        replicas.map(
          async (replica) => ((await (await fetch(`${replica.url}/ready`)).json()) as { redis?: string }).redis,
        ),
      );
    await waitFor(
      async () => (await redisStates()).every((state) => state === 'up'),
      'both replicas to report redis up',
    );
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await upstream.stop();
    await redis.close();
  });

  it('registered through one replica, hit by hash alone on the other; the key is prefixed and expires', async () => {
    const first = apolloClient(replicas[0]!.url, { links: [persistedQueryLink()] });
    await first.client.query({ query: RUN, variables: VARIABLES, fetchPolicy: 'no-cache' });
    const hash = (first.wire[0]!.sent.extensions as { persistedQuery: { sha256Hash: string } }).persistedQuery
      .sha256Hash;
    // Stored after validation, without holding up the answer.
    await waitFor(
      async () => (await redis.dump()).some((entry) => entry.key === `apq-gw:apq:${hash}`),
      'the query in Redis',
    );
    const second = apolloClient(replicas[1]!.url, { links: [persistedQueryLink()] });
    const { data } = await second.client.query({ query: RUN, variables: VARIABLES, fetchPolicy: 'no-cache' });
    expect((data as any).processRun.name).toBe(seedProcessRun.name);
    expect(second.wire.map(({ sent, status }) => ({ hasQuery: 'query' in sent, status }))).toEqual([
      { hasQuery: false, status: 200 },
    ]);
    const client = redis.client();
    try {
      const ttl = await client.pttl(`apq-gw:apq:${hash}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(await client.get(`apq-gw:apq:${hash}`)).toBe(first.wire[1]!.sent.query);
    } finally {
      client.disconnect();
    }
  });
});

describe('APQ – with trusted documents on', () => {
  it("the link's registration is PERSISTED_QUERY_NOT_SUPPORTED, nothing runs", async () => {
    await withGateway({ PERSISTED_OPERATIONS_FILE: ALLOWLIST }, async (gateway) => {
      const { client, wire } = apolloClient(gateway.url, { links: [persistedQueryLink()] });
      await expect(client.query({ query: RUN, variables: VARIABLES, fetchPolicy: 'no-cache' })).rejects.toThrow();
      // The link retries once per operation: the registration's refusal reaches the caller as it is.
      expect(wire.map(({ codes }) => codes)).toEqual([
        ['PERSISTED_QUERY_NOT_FOUND'],
        ['PERSISTED_QUERY_NOT_SUPPORTED'],
      ]);
      const hashOf = (sent: Record<string, unknown>) =>
        (sent.extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery !== undefined;
      expect(wire.map(({ sent }) => ({ hasQuery: 'query' in sent, hasHash: hashOf(sent) }))).toEqual([
        { hasQuery: false, hasHash: true },
        { hasQuery: true, hasHash: true },
      ]);
      expect(gateway.upstream.requests).toHaveLength(0);
    });
  });
});

describe('APQ – the memory store is bounded', () => {
  const register = (gateway: { url: string }, query: string) =>
    postGraphQL(gateway, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
  const lookup = async (gateway: { url: string }, query: string) =>
    (
      await postGraphQL(gateway, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } })
    ).body.errors?.map((error) => error.extensions?.code) ?? [];
  const [a, b, c] = ['{ __typename }', '{ a: __typename }', '{ b: __typename }'];

  it('APQ_MAX_ENTRIES: the least recently used query is evicted first', async () => {
    await withGateway({ APQ_MAX_ENTRIES: '2' }, async (gateway) => {
      await register(gateway, a!);
      await register(gateway, b!);
      // A used again: B is now the least recently used.
      expect(await lookup(gateway, a!)).toEqual([]);
      await register(gateway, c!);
      expect([await lookup(gateway, a!), await lookup(gateway, b!), await lookup(gateway, c!)]).toEqual([
        [],
        ['PERSISTED_QUERY_NOT_FOUND'],
        [],
      ]);
    });
  });

  it('APQ_MAX_BYTES: older queries make room for the newest', async () => {
    const long = (name: string) => `{ ${name}: __typename ${' '.repeat(600)}}`;
    await withGateway({ APQ_MAX_BYTES: '1024' }, async (gateway) => {
      await register(gateway, long('first'));
      await register(gateway, long('second'));
      expect([await lookup(gateway, long('first')), await lookup(gateway, long('second'))]).toEqual([
        ['PERSISTED_QUERY_NOT_FOUND'],
        [],
      ]);
    });
  });
});
