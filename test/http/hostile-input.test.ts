import { request as httpRequest } from 'node:http';
import { seedProcessRun } from '../../src/demo/fixtures';
import { RunIdDocument } from '../generated/graphql';
import {
  aliasesQuery,
  deepRun,
  execute,
  httpGet,
  idsOf,
  nestedQuery,
  processTreeQuery,
  json,
  openGraphiQL,
  postGraphQL,
  TEST_TOKEN,
  useGateway,
  withGateway,
  type ExecutionResult,
} from '../harness';

const AUTH = { authorization: TEST_TOKEN };
const SEED_ID = seedProcessRun.id;

/** The only error of a response refused as a whole, with its code. */
function onlyError(response: ExecutionResult) {
  expect(response.body.errors).toHaveLength(1);
  return response.body.errors![0]!;
}

// The cost limit names its value and the computed cost: test/http/operation-cost.test.ts (a fragment bomb included).
describe('operation limits – refused before any upstream call, limits not revealed', () => {
  const t = useGateway({
    upstream: (upstream) => upstream.serveRun(seedProcessRun).serveRun(deepRun('run-deep-12', 12)),
  });

  it('a process tree query 12 group levels deep, every job field and variant at each level, is served', async () => {
    const response = await execute(t.gateway, processTreeQuery(12), { id: 'run-deep-12' });
    expect(response.body.errors).toBeUndefined();
    let group = response.body.data!.processRun.root;
    for (let level = 1; level < 12; level++) {
      expect(group.id).toBe(`group-${level}`);
      expect(group.children[0]).toMatchObject({
        __typename: 'JobRun',
        id: `job-${level}`,
        arguments: { __typename: 'SendTaskArguments' },
      });
      group = group.children[1];
    }
    expect(group.children).toEqual([expect.objectContaining({ __typename: 'JobRun', id: 'job-12' })]);
    expect(t.upstream.runRequests).toHaveLength(1);
  });

  it.each([
    ['a query nested 300 levels', () => nestedQuery(300), 'it is nested too deeply'],
    ['1000 aliases', () => aliasesQuery(idsOf(1000, (index) => `run-${index}`)), 'it has too many tokens'],
    [
      '61 aliases (just over the default 60: the upstream-call budget 50 + 10)',
      () => aliasesQuery(idsOf(61, () => SEED_ID)),
      'it has too many aliases',
    ],
    ['a 1 MB query string', () => `{ processRun(id: "${SEED_ID}") { ${'id '.repeat(333_334)} } }`, 'it is too long'],
    [
      'a 1 MB query made of a comment',
      () => `{ processRun(id: "${SEED_ID}") { id } }\n#${'x'.repeat(1_000_000)}`,
      'it is too long',
    ],
    [
      '51 directives',
      () => `{ processRun(id: "${SEED_ID}") { id ${'@include(if: true) '.repeat(51)} } }`,
      'it has too many directives',
    ],
  ])('%s → OPERATION_LIMIT_EXCEEDED, zero upstream requests', async (_name, build, reason) => {
    const response = await execute(t.gateway, build());
    const error = onlyError(response);
    expect(error.message).toBe(`The operation is refused: ${reason}. Simplify or split it.`);
    expect(error.extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
    // Nothing in the answer names a limit's value.
    expect(JSON.stringify(response.body)).not.toMatch(/\d/);
    expect(response.body.data ?? null).toBeNull();
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('60 aliases (the default limit) pass, and aliases of one id cost one upstream call', async () => {
    const response = await execute(t.gateway, aliasesQuery(idsOf(60, () => SEED_ID)));
    expect(response.body.errors).toBeUndefined();
    expect(Object.keys(response.body.data!)).toHaveLength(60);
    expect(t.upstream.runRequests).toHaveLength(1);
  });

  it('the next normal request after refusals is served', async () => {
    await execute(t.gateway, nestedQuery(300));
    const response = await execute(t.gateway, `{ processRun(id: "${SEED_ID}") { id name } }`);
    expect(response.body).toEqual({ data: { processRun: { id: SEED_ID, name: seedProcessRun.name } } });
  });
});

describe('operation limits – configurable', () => {
  const t = useGateway({
    env: { MAX_QUERY_DEPTH: '10', MAX_QUERY_ALIASES: '2' },
    upstream: (upstream) => upstream.serveRun(deepRun('run-deep-12', 12)),
  });

  it('MAX_QUERY_DEPTH=10 refuses the 12-level tree query; MAX_QUERY_ALIASES=2 refuses 3 aliases', async () => {
    const deep = await execute(t.gateway, processTreeQuery(12), { id: 'run-deep-12' });
    expect(onlyError(deep).extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
    expect(onlyError(deep).message).toBe('The operation is refused: it is nested too deeply. Simplify or split it.');
    const aliased = await execute(t.gateway, aliasesQuery(idsOf(3, () => 'x')));
    expect(onlyError(aliased).message).toBe('The operation is refused: it has too many aliases. Simplify or split it.');
    expect(t.upstream.requests).toHaveLength(0);
  });
});

describe('request body limit – 413, and the server keeps serving', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveRun(seedProcessRun) });

  const oversized = () => JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } });

  it('a body over 1 MiB with Content-Length → 413 REQUEST_ENTITY_TOO_LARGE; the next request is served', async () => {
    const response = await postGraphQL(t.gateway, oversized());
    expect(response.status).toBe(413);
    expect(onlyError(response)).toMatchObject({
      message: 'Request body too large',
      extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' },
    });
    const next = await execute(t.gateway, `{ processRun(id: "${SEED_ID}") { id } }`);
    expect(next.body).toEqual({ data: { processRun: { id: SEED_ID } } });
  });

  it('a chunked body (no Content-Length) over 1 MiB is cut off while streaming → 413', async () => {
    const body = oversized();
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        `${t.gateway.url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...AUTH } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      // The server may answer and close before the whole body is written.
      req.on('error', reject);
      for (let offset = 0; offset < body.length; offset += 64 * 1024) req.write(body.slice(offset, offset + 64 * 1024));
      req.end();
    });
    expect(status).toBe(413);
    expect(JSON.parse(text)).toMatchObject({
      errors: [{ message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }],
    });
    const next = await execute(t.gateway, `{ processRun(id: "${SEED_ID}") { id } }`);
    expect(next.body).toEqual({ data: { processRun: { id: SEED_ID } } });
  });

  it('MAX_REQUEST_BODY_BYTES is configurable', async () => {
    await withGateway({ MAX_REQUEST_BODY_BYTES: '2048' }, async (small) => {
      const response = await postGraphQL(small, { query: '{ __typename }', variables: { pad: 'x'.repeat(3000) } });
      expect(response.status).toBe(413);
      expect(onlyError(response).extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
      expect((await execute(small, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
    });
  });
});

describe('CSRF prevention, field suggestions, error masking', () => {
  const t = useGateway();

  it('a GET without the CSRF header → 403; with `x-graphql-yoga-csrf` → served', async () => {
    const path = `/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const refused = await httpGet(t.gateway, path, { accept: 'application/json' });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toEqual({
      errors: [
        {
          message:
            'Refused as a possible cross-site request: send the operation as a POST with Content-Type: application/json, or add the x-graphql-yoga-csrf header (any value).',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    const allowed = await httpGet(t.gateway, path, { accept: 'application/json', 'x-graphql-yoga-csrf': '1' });
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.text)).toEqual({ data: { __typename: 'Query' } });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded'])(
    'a "simple" POST (%s) without the header → 403',
    async (contentType) => {
      const response = await postGraphQL(
        t.gateway,
        contentType === 'text/plain' ? JSON.stringify({ query: '{ __typename }' }) : 'query=%7B__typename%7D',
        { headers: { 'content-type': contentType, authorization: undefined } },
      );
      expect(response.status).toBe(403);
    },
  );

  it('a JSON POST needs no extra header (browsers preflight it)', async () => {
    expect((await execute(t.gateway, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('GraphiQL still loads in a browser', async () => {
    const page = await openGraphiQL(t.gateway);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>process-runs-gateway</title>');
  });

  it('field suggestions are hidden in production', async () => {
    await withGateway({ NODE_ENV: 'production', CURSOR_SECRET_EPHEMERAL: 'true' }, async (production) => {
      const response = await execute(production, '{ processRun(id: "x") { nme } }');
      expect(onlyError(response)).toMatchObject({
        message: 'Cannot query field "nme" on type "ProcessRun". [Suggestion hidden]',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect(production.upstream.requests).toHaveLength(0);
    });
  });

  it('field suggestions are shown with NODE_ENV=development', async () => {
    await withGateway({ NODE_ENV: 'development' }, async (dev) => {
      const response = await execute(dev, '{ processRun(id: "x") { nme } }');
      expect(onlyError(response).message).toBe('Cannot query field "nme" on type "ProcessRun". Did you mean "name"?');
    });
  });

  it('an unexpected resolver error is masked: "Unexpected error.", no stack, URL or token', async () => {
    t.upstream.reset();
    const broken = { ...seedProcessRun, id: 'run-broken', created: { dateTime: '2025-01-01T00:00:00Z', user: {} } };
    t.upstream.serveRun(broken);
    const response = await execute(t.gateway, '{ processRun(id: "run-broken") { id created { user { id } } } }');
    expect(response.body).toEqual({
      data: { processRun: null },
      errors: [
        {
          message: 'Unexpected error.',
          locations: [{ line: 1, column: 47 }],
          path: ['processRun', 'created', 'user'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    const text = JSON.stringify(response.body);
    for (const secret of [t.upstream.url, '127.0.0.1', TEST_TOKEN, 'test-secret', 'stack', 'audit stamp', '.ts:']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('hostile ids – only ever one /processRuns/{segment} upstream', () => {
  // Echo the id the upstream decoded, so the test sees what the upstream would have looked up.
  const t = useGateway({
    upstream: (upstream) =>
      upstream.onAny((request, response) => {
        const match = /^\/processRuns\/([^/]+)$/.exec(request.path);
        if (!match) return json(response, 404, { code: '404', message: 'no such route' });
        json(response, 200, { ...seedProcessRun, id: decodeURIComponent(match[1]!) });
      }),
  });

  const reachingIds: Array<[string, string]> = [
    ['path traversal', '../../admin'],
    ['path traversal, backslashes', '..\\..\\admin'],
    ['pre-encoded traversal', '..%2F..%2Fadmin'],
    ['double-encoded dots', '%2e%2e'],
    ['dot segments mixed', './.'],
    ['a slash', 'runs/other'],
    ['an encoded slash', 'a%2Fb'],
    ['a query string', 'x?excludeGeneratedJobs=true&y=1'],
    ['a fragment', 'x#frag'],
    ['query injection', "' OR 1=1; DROP TABLE runs; --"],
    ['an absolute URL', 'http://evil.example/steal'],
    ['a protocol-relative URL', '//evil.example'],
    ['a percent-encoded NUL', '%00'],
    ['CRLF, encoded', 'x%0d%0aHost: evil'],
    ['spaces and plus', ' a + b '],
    ['unicode', 'ünïcødé-🚀-Ω'],
    ['right-to-left override', 'abc\u202edef'],
    ['the longest allowed id (256)', 'x'.repeat(256)],
  ];

  it.each(reachingIds)(
    '%s → exactly one GET /processRuns/{one encoded segment} that decodes back to the id',
    async (_name, id) => {
      const response = await execute(t.gateway, RunIdDocument, { id });
      expect(response.body).toEqual({ data: { processRun: { id } } });
      expect(t.upstream.requests).toHaveLength(1);
      const [request] = t.upstream.requests;
      expect(request!.method).toBe('GET');
      const match = /^\/processRuns\/([A-Za-z0-9\-_.!~*'()%]+)$/.exec(request!.url);
      expect(match).not.toBeNull();
      expect(decodeURIComponent(match![1]!)).toBe(id);
    },
  );

  it('excludeGeneratedJobs with a hostile id adds only the one known query parameter', async () => {
    const id = 'x?excludeGeneratedJobs=false#';
    await execute(t.gateway, 'query($id: ID!) { processRun(id: $id, excludeGeneratedJobs: true) { id } }', { id });
    expect(t.upstream.requests.map((request) => request.url)).toEqual([
      `/processRuns/${encodeURIComponent(id)}?excludeGeneratedJobs=true`,
    ]);
  });

  const refusedIds: Array<[string, string]> = [
    ['empty', ''],
    ['"."', '.'],
    ['".."', '..'],
    ['a 10 KB id', 'x'.repeat(10 * 1024)],
    ['a NUL character', 'a\u0000b'],
    ['a newline (header injection)', 'x\r\nHost: evil'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
    ['a C1 control character', 'a\u0085b'],
  ];

  it.each(refusedIds)('%s → BAD_USER_INPUT, no upstream request', async (_name, id) => {
    const response = await execute(t.gateway, 'query($id: ID!) { processRun(id: $id) { id } }', { id });
    const error = onlyError(response);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^Invalid process run id: it /);
    expect(response.body.data).toEqual({ processRun: null });
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('hostile ids in federation `_entities` representations get the same treatment', async () => {
    const representations = [
      { __typename: 'ProcessRun', id: '../../admin' },
      { __typename: 'ProcessRun', id: 'a?b=c' },
      { __typename: 'ProcessRun', id: '..' },
    ];
    const response = await execute(
      t.gateway,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProcessRun { id } } }',
      { r: representations },
    );
    expect(response.body.data).toEqual({ _entities: [{ id: '../../admin' }, { id: 'a?b=c' }, null] });
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(t.upstream.requests.map((request) => request.url).sort()).toEqual([
      '/processRuns/..%2F..%2Fadmin',
      '/processRuns/a%3Fb%3Dc',
    ]);
  });
});
