import { DEMO_PROCESSES } from '../../src/demo/fixtures';
import {
  execute,
  expectNoErrors,
  expectOnlyError,
  json,
  useGateway,
  withGateway,
  type HarnessGateway,
} from '../harness';

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $filter: ProcessFilter, $orderBy: ProcessOrder) {
    processes(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges {
        cursor
        node {
          id
        }
      }
      nodes {
        id
        name
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

interface PageData {
  processes: {
    edges: Array<{ cursor: string; node: { id: string } }>;
    nodes: Array<{ id: string; name: string }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const DEFAULT_ORDER = encodeURIComponent('run.created.dateTime desc');

async function page(gateway: HarnessGateway, variables: Record<string, unknown>) {
  return expectNoErrors(await execute<PageData>(gateway, PAGE, variables)).processes;
}

/** A cursor with one character of its payload changed (still well-formed base64url). */
function tamper(cursor: string): string {
  const [version, payload, mac] = cursor.split('.') as [string, string, string];
  const swapped = payload.slice(0, 5) + (payload[5] === 'A' ? 'B' : 'A') + payload.slice(6);
  return `${version}.${swapped}.${mac}`;
}

describe('processes – forward paging against the real-HTTP fake upstream', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveProcessList(DEMO_PROCESSES) });

  it('pages through all 123 processes in pages of 50: one upstream call per page, rebuilt from the base URL with only $next', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const pages: PageData['processes'][] = [];
    do {
      const current: PageData['processes'] = await page(t.gateway, { first: 50, after });
      pages.push(current);
      seen.push(...current.nodes.map((node) => node.id));
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
    } while (after !== null);
    expect(pages.map((p) => p.nodes.length)).toEqual([50, 50, 23]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.every((p) => p.pageInfo.hasPreviousPage === false)).toBe(true);
    expect(seen).toEqual(DEMO_PROCESSES.map((process) => process.id));
    // The fake's @nextLink points at https://evil.example: every call still went to the configured upstream.
    expect(t.upstream.requests.map((request) => request.url)).toEqual([
      `/processes?$maxpagesize=50&$orderBy=${DEFAULT_ORDER}`,
      `/processes?$maxpagesize=50&$orderBy=${DEFAULT_ORDER}&$next=tok-50`,
      `/processes?$maxpagesize=50&$orderBy=${DEFAULT_ORDER}&$next=tok-100`,
    ]);
    // Page granularity: every edge carries its page's cursor, which is also start and end cursor.
    for (const p of pages) {
      expect(new Set(p.edges.map((edge) => edge.cursor))).toEqual(new Set([p.pageInfo.endCursor]));
      expect(p.pageInfo.startCursor).toBe(p.pageInfo.endCursor);
      expect(p.edges.map((edge) => edge.node.id)).toEqual(p.nodes.map((node) => node.id));
    }
  });

  it('any edge cursor of a page continues after that page; the last page cursor gives an empty page without an upstream call', async () => {
    const first = await page(t.gateway, { first: 100 });
    const second = await page(t.gateway, { first: 100, after: first.edges[37]!.cursor });
    expect(second.nodes.map((node) => node.id)).toEqual(DEMO_PROCESSES.slice(100).map((process) => process.id));
    expect(second.pageInfo.hasNextPage).toBe(false);
    t.upstream.requests.length = 0;
    const beyond = await page(t.gateway, { first: 100, after: second.edges[0]!.cursor });
    expect(beyond).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    expect(t.upstream.requests).toHaveLength(0);
  });

  it.each([
    ['a tampered cursor', (cursor: string) => tamper(cursor), {}],
    ['a cursor with its MAC cut', (cursor: string) => cursor.slice(0, -2), {}],
    ['a string that is no cursor', () => 'not-a-cursor', {}],
    ['an empty string', () => '', {}],
    ['a future cursor version', (cursor: string) => cursor.replace(/^v1\./, 'v2.'), {}],
    ['a cursor used with another page size', (cursor: string) => cursor, { first: 20 }],
    ['a cursor used with a filter', (cursor: string) => cursor, { filter: { nameContains: 'Close' } }],
    ['a cursor used with another order', (cursor: string) => cursor, { orderBy: { field: 'NAME', direction: 'ASC' } }],
  ])('%s is BAD_USER_INPUT without an upstream call', async (_name, change, overrides) => {
    const first = await page(t.gateway, { first: 50 });
    t.upstream.requests.length = 0;
    const result = await execute(t.gateway, PAGE, {
      first: 50,
      after: change(first.pageInfo.endCursor!),
      ...overrides,
    });
    const error = expectOnlyError(result, 'BAD_USER_INPUT');
    expect(error.extensions?.argumentName).toBe('after');
    expect(result.body.data).toBeNull();
    expect(t.upstream.requests).toHaveLength(0);
  });

  it("a cursor of another gateway (another key) is BAD_USER_INPUT; replicas sharing CURSOR_SECRET accept each other's", async () => {
    const secret = 'a-shared-cursor-secret-of-32-characters!';
    const foreign = await withGateway({}, async (other) => {
      other.upstream.serveProcessList(DEMO_PROCESSES);
      return (await page(other, { first: 50 })).pageInfo.endCursor!;
    });
    t.upstream.requests.length = 0;
    expectOnlyError(await execute(t.gateway, PAGE, { first: 50, after: foreign }), 'BAD_USER_INPUT');
    expect(t.upstream.requests).toHaveLength(0);

    const fromReplicaA = await withGateway({ CURSOR_SECRET: secret }, async (a) => {
      a.upstream.serveProcessList(DEMO_PROCESSES);
      return (await page(a, { first: 50 })).pageInfo.endCursor!;
    });
    await withGateway({ CURSOR_SECRET: secret }, async (b) => {
      b.upstream.serveProcessList(DEMO_PROCESSES);
      const second = await page(b, { first: 50, after: fromReplicaA });
      expect(second.nodes[0]!.id).toBe(DEMO_PROCESSES[50]!.id);
      expect(b.upstream.requests.map((request) => request.query.get('$next'))).toEqual(['tok-50']);
    });
  });

  it('an expired upstream token: the upstream 400 maps to BAD_USER_INPUT with extensions.upstream', async () => {
    const first = await page(t.gateway, { first: 50 });
    t.upstream.reset();
    t.upstream.serveProcessList(DEMO_PROCESSES, { tokenPrefix: 'new-' });
    const error = expectOnlyError(
      await execute(t.gateway, PAGE, { first: 50, after: first.pageInfo.endCursor }),
      'BAD_USER_INPUT',
    );
    expect(error.path).toEqual(['processes']);
    expect(error.extensions?.upstream).toEqual({
      status: 400,
      code: 'invalidNextToken',
      message: 'The $next token is invalid or has expired.',
      target: '$next',
    });
    expect(t.upstream.requests.map((request) => request.query.get('$next'))).toEqual(['tok-50']);
  });

  it('@nextLink absent or null ends the list; relative or absolute, only its $next value is used', async () => {
    const bodies = [
      { data: [DEMO_PROCESSES[0]], '@nextLink': '/somewhere/else?$next=rel%20token&$maxpagesize=999' },
      { data: [DEMO_PROCESSES[1]], '@nextLink': null },
    ];
    let call = 0;
    t.upstream.onProcessList((_request, response) => json(response, 200, bodies[call++]));
    const first = await page(t.gateway, { first: 1 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(t.gateway, { first: 1, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.pageInfo.endCursor).not.toBeNull();
    expect(t.upstream.requests.map((request) => request.url)).toEqual([
      `/processes?$maxpagesize=1&$orderBy=${DEFAULT_ORDER}`,
      `/processes?$maxpagesize=1&$orderBy=${DEFAULT_ORDER}&$next=rel%20token`,
    ]);
  });

  it.each([
    ['3-byte characters', '\u20ac'.repeat(4096)],
    ['astral characters (4 bytes per 2 units)', '\u{1F600}'.repeat(2048)],
    ['control characters (escaped to 6 bytes in the cursor JSON)', '\u0001'.repeat(4096)],
  ])(
    'a $next of 4096 characters, all %s (up to 9 URL characters each once encoded), pages through its cursor',
    async (_name, token) => {
      t.upstream.onProcessList((request, response) => {
        const next = request.query.get('$next');
        if (next === null)
          json(response, 200, {
            data: [DEMO_PROCESSES[0]],
            '@nextLink': `https://x.example/processes?$next=${encodeURIComponent(token)}`,
          });
        else json(response, 200, next === token ? { data: [DEMO_PROCESSES[1]] } : { data: [] });
      });
      const first = await page(t.gateway, { first: 1 });
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page(t.gateway, { first: 1, after: first.pageInfo.endCursor });
      expect(second.nodes.map((node) => node.id)).toEqual([DEMO_PROCESSES[1]!.id]);
    },
  );

  it('an empty page that still has an @nextLink keeps an endCursor to continue with', async () => {
    t.upstream.onProcessList((request, response) =>
      json(
        response,
        200,
        request.query.get('$next')
          ? { data: [DEMO_PROCESSES[0]] }
          : { data: [], '@nextLink': 'https://x.example/processes?$next=t2' },
      ),
    );
    const empty = await page(t.gateway, { first: 5 });
    expect(empty.nodes).toEqual([]);
    expect(empty.pageInfo.hasNextPage).toBe(true);
    const next = await page(t.gateway, { first: 5, after: empty.pageInfo.endCursor });
    expect(next.nodes.map((node) => node.id)).toEqual([DEMO_PROCESSES[0]!.id]);
  });

  it.each([
    ['an @nextLink without $next', { data: [], '@nextLink': 'https://x.example/processes?page=2' }],
    ['an @nextLink that is not a string', { data: [], '@nextLink': 42 }],
    ['data that is not a list', { data: { id: 'p' } }],
    ['an item without a name', { data: [{ id: 'process-1' }] }],
    ['a body that is a list', [DEMO_PROCESSES[0]]],
  ])('%s is UPSTREAM_BAD_RESPONSE', async (_name, body) => {
    t.upstream.onProcessList((_request, response) => json(response, 200, body));
    const result = await execute(t.gateway, PAGE, { first: 5 });
    expectOnlyError(result, 'UPSTREAM_BAD_RESPONSE');
    expect(result.body.data).toBeNull();
  });

  it('aliases asking for the same page cost one upstream call; a different page size is another', async () => {
    const result = await execute(
      t.gateway,
      '{ a: processes(first: 5) { nodes { id } } b: processes(first: 5) { nodes { name } } c: processes(first: 6) { nodes { id } } }',
    );
    const data = expectNoErrors(result) as Record<string, { nodes: unknown[] }>;
    expect(data.a!.nodes).toHaveLength(5);
    expect(data.c!.nodes).toHaveLength(6);
    expect(t.upstream.requests.map((request) => request.query.get('$maxpagesize')).sort()).toEqual(['5', '6']);
  });
});

describe('processes – arguments: page size, filter escaping, order mapping', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveProcessList(DEMO_PROCESSES) });

  it.each([0, -1, 1001, 50_000])('first: %i is BAD_USER_INPUT without an upstream call', async (first) => {
    const error = expectOnlyError(await execute(t.gateway, PAGE, { first }), 'BAD_USER_INPUT');
    expect(error.extensions?.argumentName).toBe('first');
    expect(t.upstream.requests).toHaveLength(0);
  });

  it.each([1, 1000])('first: %i is sent as $maxpagesize', async (first) => {
    await page(t.gateway, { first });
    expect(t.upstream.requests.map((request) => request.query.get('$maxpagesize'))).toEqual([String(first)]);
  });

  it('without arguments: 50 per page, most recently started run first, no $filter', async () => {
    await page(t.gateway, {});
    expect(t.upstream.requests.map((request) => request.url)).toEqual([
      `/processes?$maxpagesize=50&$orderBy=${DEFAULT_ORDER}`,
    ]);
  });

  it.each([
    ['NAME', 'ASC', 'name asc'],
    ['NAME', 'DESC', 'name desc'],
    ['DUE_DATE', 'ASC', 'dueDate asc'],
    ['DUE_DATE', 'DESC', 'dueDate desc'],
    ['RUN_CREATED', 'ASC', 'run.created.dateTime asc'],
    ['RUN_CREATED', 'DESC', 'run.created.dateTime desc'],
  ])('orderBy %s %s is $orderBy=%s', async (field, direction, expected) => {
    await page(t.gateway, { orderBy: { field, direction } });
    expect(t.upstream.requests.map((request) => request.query.get('$orderBy'))).toEqual([expected]);
  });

  it.each([
    ['Close', "name contains 'Close'"],
    ["O'Brien", "name contains 'O''Brien'"],
    ["') or (name contains '", "name contains ''') or (name contains '''"],
    ["''", "name contains ''''''"],
    ['Prüfung – 日本 🎉 & = + % #', "name contains 'Prüfung – 日本 🎉 & = + % #'"],
  ])('nameContains %j is $filter=%s, percent-encoded on the wire', async (text, expected) => {
    await page(t.gateway, { filter: { nameContains: text } });
    const [request] = t.upstream.requests;
    expect(request!.query.get('$filter')).toBe(expected);
    // WHATWG URL parsing (undici) also percent-encodes the quote in a query: %27.
    expect(request!.url).toContain(`$filter=${encodeURIComponent(expected).replaceAll("'", '%27')}&`);
    expect([...request!.query.keys()]).toEqual(['$maxpagesize', '$filter', '$orderBy']);
  });

  it("the escaped filter finds O'Brien in the list and keeps the quote intact", async () => {
    const result = await page(t.gateway, { first: 100, filter: { nameContains: "O'Brien" } });
    expect(result.nodes.length).toBeGreaterThan(0);
    // The fake answers with every item: the filter is the upstream's job. The demo upstream test checks it applies.
    expect(t.upstream.requests[0]!.query.get('$filter')).toBe("name contains 'O''Brien'");
  });

  it('an empty nameContains sends no $filter', async () => {
    await page(t.gateway, { filter: { nameContains: '' } });
    expect(t.upstream.requests[0]!.query.has('$filter')).toBe(false);
  });

  it('200 characters (counted as code points) are accepted; 201 are BAD_USER_INPUT without an upstream call', async () => {
    await page(t.gateway, { filter: { nameContains: '🎉'.repeat(200) } });
    expect(t.upstream.requests).toHaveLength(1);
    t.upstream.requests.length = 0;
    const error = expectOnlyError(
      await execute(t.gateway, PAGE, { filter: { nameContains: 'x'.repeat(201) } }),
      'BAD_USER_INPUT',
    );
    expect(error.extensions?.argumentName).toBe('filter');
    expect(t.upstream.requests).toHaveLength(0);
  });

  it.each(['line\nbreak', 'tab\there', 'nul\u0000', 'del\u007f', 'c1\u0085', 'lone \ud800 surrogate'])(
    'nameContains %j is BAD_USER_INPUT without an upstream call',
    async (text) => {
      expectOnlyError(await execute(t.gateway, PAGE, { filter: { nameContains: text } }), 'BAD_USER_INPUT');
      expect(t.upstream.requests).toHaveLength(0);
    },
  );
});

describe('processes – the upstream-call budget', () => {
  it('counts one call per processes field before execution', async () => {
    await withGateway({ MAX_UPSTREAM_CALLS_PER_OPERATION: '1' }, async (gateway) => {
      gateway.upstream.serveProcessList(DEMO_PROCESSES);
      const result = await execute(
        gateway,
        '{ a: processes(first: 1) { nodes { id } } b: processes(first: 2) { nodes { id } } }',
      );
      expectOnlyError(result, 'OPERATION_LIMIT_EXCEEDED');
      expect(gateway.upstream.requests).toHaveLength(0);
      expectNoErrors(await execute(gateway, '{ processes(first: 1) { nodes { id } } }'));
    });
  });
});
