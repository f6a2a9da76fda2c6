import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PROCESSES } from '../../src/demo/fixtures';
import { MAX_NEXT_TOKEN_LENGTH } from '../../src/validation/next-token';
import { execute, expectOnlyError, json, useGateway, withGateway } from '../harness';

// One home for input validation (src/validation/): one refusal shape, and the same id and token rules for what the
// upstream's own data carries before it reaches a URL.

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String) {
    processes(first: $first, after: $after) {
      nodes {
        id
        name
        dueDate
        run {
          id
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

describe('input validation – one refusal shape: BAD_USER_INPUT, extensions.field naming the input, no upstream call', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveProcessList(DEMO_PROCESSES) });

  it.each([
    ['processRun(id: "..")', '{ processRun(id: "..") { id } }', { field: 'id', argumentName: 'id' }],
    ['process(id: "")', '{ process(id: "") { id } }', { field: 'id', argumentName: 'id' }],
    ['processes(first: 0)', '{ processes(first: 0) { nodes { id } } }', { field: 'first', argumentName: 'first' }],
    [
      'processes(filter: control character)',
      '{ processes(filter: { nameContains: "a\\u0001" }) { nodes { id } } }',
      { field: 'filter.nameContains', argumentName: 'filter' },
    ],
    [
      'processes(after: not a cursor)',
      '{ processes(after: "nope") { nodes { id } } }',
      { field: 'after', argumentName: 'after' },
    ],
    [
      'trashProcess(processId: ".")',
      'mutation { trashProcess(processId: ".") }',
      { field: 'processId', outcome: 'NOT_APPLIED' },
    ],
  ])('%s', async (_name, operation, keys) => {
    const result = await execute(t.gateway, operation);
    const error = expectOnlyError(result, 'BAD_USER_INPUT');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', ...keys });
    expect(t.upstream.requests).toHaveLength(0);
  });
});

describe('processes(first:) – 1..1000, decided before any operation limit', () => {
  it.each([0, 1001, 5000])(
    'first: %i is BAD_USER_INPUT naming the range, even when the operation is also past the cost and call limits',
    async (first) => {
      await withGateway({ MAX_QUERY_COST: '10', MAX_UPSTREAM_CALLS_PER_OPERATION: '1' }, async (gateway) => {
        const twoPages = `query Two($first: Int) { a: processes(first: $first) { nodes { id name dueDate run { id status } } } b: processes(first: ${first}) { nodes { id } } }`;
        const result = await execute(gateway, twoPages, { first });
        const error = expectOnlyError(result, 'BAD_USER_INPUT');
        expect(error.message).toBe(`first must be between 1 and 1000 (got ${first}).`);
        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first', argumentName: 'first' });
        expect(gateway.upstream.requests).toHaveLength(0);
        // The same operation within range meets the limits it is past.
        expectOnlyError(
          await execute(gateway, twoPages.replace(`first: ${first}`, 'first: 5'), { first: 5 }),
          'OPERATION_LIMIT_EXCEEDED',
        );
      });
    },
  );
});

describe("processes(first:) – the same document, validated once, still checks each request's variables", () => {
  it('past the cost limit with first: 5, then BAD_USER_INPUT with first: 1001 and the same text', async () => {
    await withGateway({ MAX_QUERY_COST: '10' }, async (gateway) => {
      expectOnlyError(await execute(gateway, PAGE, { first: 5 }), 'OPERATION_LIMIT_EXCEEDED');
      const error = expectOnlyError(await execute(gateway, PAGE, { first: 1001 }), 'BAD_USER_INPUT');
      expect(error.message).toBe('first must be between 1 and 1000 (got 1001).');
      expect(gateway.upstream.requests).toHaveLength(0);
    });
  });
});

describe('ids from the upstream data pass the id rule before they reach a URL', () => {
  const t = useGateway();

  it.each(['..', '.'])(
    'a list item whose run id is %j: UPSTREAM_BAD_RESPONSE on that run, no GET / or GET /processRuns/',
    async (runId) => {
      const item = { ...DEMO_PROCESSES[0], run: { id: runId } };
      t.upstream.onProcessList((_request, response) => json(response, 200, { data: [item] }));
      t.upstream.onAny((_request, response) => json(response, 200, { id: 'must-not-be-asked', name: 'x' }));
      const result = await execute(t.gateway, PAGE, { first: 1 });
      const error = expectOnlyError(result, 'UPSTREAM_BAD_RESPONSE');
      expect(error.path).toEqual(['processes', 'nodes', 0, 'run']);
      expect(result.body.data?.processes.nodes[0].id).toBe(item.id);
      expect(t.upstream.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /processes']);
    },
  );

  it.each(['..', '.'])(
    'a run whose process id is %j: UPSTREAM_BAD_RESPONSE on ProcessRun.process, no GET / or GET /processes/',
    async (processId) => {
      t.upstream.onRun('run-1', (_request, response) =>
        json(response, 200, {
          id: 'run-1',
          name: 'r',
          status: 'running',
          process: processId,
          businessDaysOfWeek: [],
          root: { type: 'group', id: 'g', children: [] },
        }),
      );
      t.upstream.onAny((_request, response) => json(response, 200, { id: 'must-not-be-asked', name: 'x' }));
      const result = await execute(t.gateway, '{ processRun(id: "run-1") { id process { id name } } }');
      expectOnlyError(result, 'UPSTREAM_BAD_RESPONSE');
      expect(t.upstream.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        'GET /processRuns/run-1',
      ]);
    },
  );
});

describe('@nextLink – the $next token is carried exactly as the upstream wrote it', () => {
  const t = useGateway();

  function serveLink(link: string) {
    let calls = 0;
    t.upstream.onProcessList((_request, response) =>
      json(
        response,
        200,
        calls++ === 0 ? { data: [DEMO_PROCESSES[0]], '@nextLink': link } : { data: [DEMO_PROCESSES[1]] },
      ),
    );
  }

  async function secondPageUrl(): Promise<string> {
    const first = await execute(t.gateway, PAGE, { first: 1 });
    expect(first.body.errors).toBeUndefined();
    const second = await execute(t.gateway, PAGE, { first: 1, after: first.body.data!.processes.pageInfo.endCursor });
    expect(second.body.errors).toBeUndefined();
    return t.upstream.requests[1]!.url;
  }

  it.each([
    [
      'a raw + (base64) stays a +, an encoded %2B stays %2B',
      'https://x.example/processes?$next=ab+cd%2Bef/gh==',
      'ab+cd%2Bef/gh==',
    ],
    ['a space written raw is encoded, the rest kept', '/processes?$maxpagesize=1&$next=a b+c#frag', 'a%20b+c'],
    ['an encoded name %24next is the same parameter', '/processes?%24next=tok%26more', 'tok%26more'],
  ])('%s', async (_name, link, sent) => {
    serveLink(link);
    expect((await secondPageUrl()).endsWith(`&$next=${sent}`)).toBe(true);
  });

  it(`a token longer than 4096 characters, up to ${MAX_NEXT_TOKEN_LENGTH}, pages through its cursor`, async () => {
    const token = 'A+/'.repeat(MAX_NEXT_TOKEN_LENGTH / 3) + 'B';
    expect(token.length).toBe(MAX_NEXT_TOKEN_LENGTH);
    serveLink(`https://x.example/processes?$next=${token}`);
    expect(await secondPageUrl()).toBe(`/processes?$maxpagesize=1&$orderBy=run.created.dateTime%20desc&$next=${token}`);
  });

  it.each([
    [
      'a token one character past the limit',
      `https://x.example/processes?$next=${'x'.repeat(MAX_NEXT_TOKEN_LENGTH + 1)}`,
    ],
    ['a token with a lone surrogate', 'https://x.example/processes?$next=a\ud800b'],
  ])('%s is UPSTREAM_BAD_RESPONSE for the page that carries it', async (_name, link) => {
    serveLink(link);
    expectOnlyError(await execute(t.gateway, PAGE, { first: 1 }), 'UPSTREAM_BAD_RESPONSE');
    expect(t.upstream.requests).toHaveLength(1);
  });
});

describe('src/upstream/ throws no GraphQL error', () => {
  it('no file under src/upstream/ imports graphql, the GraphQL error factory or mentions GraphQLError', () => {
    const root = join(__dirname, '..', '..', 'src', 'upstream');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) =>
      /gateway-error|GraphQLError|from 'graphql(-yoga)?'/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
