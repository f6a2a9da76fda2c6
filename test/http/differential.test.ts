import { join } from 'node:path';
import { parse } from 'graphql';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import {
  COMPILE_AFTER_USES,
  eligible,
  MAX_COMPILED_PLANS,
  MAX_OPERATIONS_PER_DOCUMENT,
  type FastPathOutcome,
} from '../../src/server/fast-execute';
import { seedProcessRun } from '../../src/demo/fixtures';
import {
  json,
  metricSample,
  scrapeMetrics,
  TEST_TOKEN,
  useGateway,
  type FakeUpstream,
  type HarnessGateway,
} from '../harness';

// The differential test of the execution fast path (EXECUTION_FAST_PATH, src/server/fast-execute.ts): every
// operation below is answered by a gateway on the fast path and by one on the reference path (Yoga + graphql-js,
// EXECUTION_FAST_PATH=false), each in front of its own identically scripted fake upstream, and the two answers must
// be the same bytes: status, body, and every response header but `date`.

// The bench's workloads (under jest, bench/workloads.js reads the demo fixtures' TypeScript sources: no build needed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workloads = require('../../bench/workloads') as {
  upstreamBodies(): Map<string, string>;
  scenarios: Record<string, { query: string; variables: Record<string, unknown> }>;
  PROCESSES_PAGE_KEY: string;
};

const ALLOWLIST = join(__dirname, '..', '..', 'examples', 'frontend-queries', 'generated', 'persisted-documents.json');
// Both gateways sign `processes` cursors with the same key, so the cursors compare.
const CURSOR_SECRET = 'differential-test-cursor-secret-0123456789';
const RUN_HEADER_HASH = '584def437cc8bc420bf03e7d2fadfe4549365dfd012d5bfc7de019024a8aaa49';

const BROKEN_RUN_ID = 'processrun-broken-shape';
const DRIFTING_RUN_ID = 'processrun-drifting';

/** The same upstream for both gateways: the bench's bodies, the suite's seed and tree runs, failures by id. */
function script(upstream: FakeUpstream): void {
  const bodies = workloads.upstreamBodies();
  for (const [key, body] of bodies) {
    const send: Parameters<FakeUpstream['onRun']>[1] = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    };
    if (key === workloads.PROCESSES_PAGE_KEY) upstream.onProcessList(send);
    else upstream.onRun(key, send);
  }
  upstream.serveRun(seedProcessRun);
  // A status this schema does not know: upstream drift (UNKNOWN, counted in gateway_upstream_drift_total).
  upstream.serveRun({ ...seedProcessRun, id: DRIFTING_RUN_ID, status: 'hibernating' });
  upstream.onRun('processrun-missing', (_request, response) =>
    json(response, 404, { code: 'notFound', message: 'Process run not found.' }),
  );
  upstream.onRun('processrun-upstream-500', (_request, response) =>
    json(response, 500, { code: 'internal', message: 'boom' }),
  );
  // A 200 whose body is not a run: the resolvers' own failure, which Yoga masks.
  upstream.onRun(BROKEN_RUN_ID, (_request, response) =>
    json(response, 200, { id: BROKEN_RUN_ID, root: 'not a group', jobs: 7 }),
  );
  upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) =>
    json(response, 201, { ...seedProcessRun, id: 'processrun-new-001' }),
  );
}

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function send(gateway: HarnessGateway, body: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: TEST_TOKEN,
      'x-request-id': 'differential-1',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const seen: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'date') seen[name] = value;
  });
  return { status: response.status, headers: seen, body: await response.text() };
}

/**
 * Which path the fast gateway must answer a case on: graphql-jit (`fast`), graphql-jit then graphql-js because the
 * answer has errors (`fallback`), graphql-js because graphql-jit may not take it (`ineligible`), or no execution at
 * all (`none`: refused before it). Asserted from the app's counters, so a fast path that stopped running fails here.
 */
type Path = 'fast' | 'fallback' | 'ineligible' | 'none';
const OUTCOME: Record<Exclude<Path, 'none'>, FastPathOutcome> = {
  fast: 'fast',
  fallback: 'fast-then-fallback',
  ineligible: 'reference-ineligible',
};

interface Case {
  name: string;
  body: unknown;
  headers?: Record<string, string>;
  /** The reference answer must look like this (so a case that silently tests nothing fails). */
  expect: (answer: Raw) => void;
  path: Path;
}

/**
 * Sends `body` to both gateways RUNS times and compares the answers; each fast answer must come from `path`, except
 * that an operation graphql-jit would take is answered by graphql-js until it is hot (COMPILE_AFTER_USES).
 */
async function compare(
  fast: HarnessGateway,
  reference: HarnessGateway,
  body: unknown,
  path: Path,
  check: (answer: Raw) => void,
  headers?: Record<string, string>,
): Promise<void> {
  for (let i = 0; i < RUNS; i += 1) {
    const expected = await send(reference, body, headers);
    const before = { ...fast.app.fastPath!.answered };
    const actual = await send(fast, body, headers);
    const after = fast.app.fastPath!.answered;
    const moved = (Object.keys(after) as FastPathOutcome[]).flatMap((outcome) =>
      Array<FastPathOutcome>(after[outcome] - before[outcome]).fill(outcome),
    );
    check(expected);
    expect(actual).toEqual(expected);
    const mayBeCold =
      path !== 'none' && path !== 'ineligible' && i < COMPILE_AFTER_USES - 1 && moved[0] === 'reference-not-yet-hot';
    expect(moved).toEqual(path === 'none' ? [] : [mayBeCold ? 'reference-not-yet-hot' : OUTCOME[path]]);
  }
}

/** Past the compile threshold: the last two answers of every case come from a compiled plan when eligible. */
const RUNS = COMPILE_AFTER_USES + 1;

const ok = (answer: Raw) => {
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body).errors).toBeUndefined();
};
const hasErrors = (status: number) => (answer: Raw) => {
  expect(answer.status).toBe(status);
  expect(JSON.parse(answer.body).errors.length).toBeGreaterThan(0);
};

const bench = workloads.scenarios;
const CASES: Array<Case & { body: any }> = [
  ...Object.entries(bench).map(([name, scenario]) => ({
    name: `bench ${name}`,
    body: { query: scenario.query, variables: scenario.variables },
    expect: ok,
    path: 'fast' as const,
  })),
  {
    name: 'seed, every scalar',
    body: {
      query: `{ processRun(id: "processrun-xyz789") { id name status dueDate created { dateTime user { id } } jobs { id status action } } }`,
    },
    expect: ok,
    path: 'fast',
  },
  {
    name: 'tree through a recursive-looking fragment',
    body: {
      query: `query ($id: ID!) { processRun(id: $id) { id root { ...G children { ...N ... on GroupRun { ...G children { ...N } } } } } }
        fragment G on GroupRun { id name status statusCounts { status count } }
        fragment N on RunNode { __typename ... on JobRun { id status ordinal } ... on GroupRun { id } }`,
      variables: { id: 'processrun-large-2000' },
    },
    expect: ok,
    path: 'fast',
  },
  {
    name: 'aliases, one failing (404)',
    body: {
      query: `{ a: processRun(id: "processrun-xyz789") { id name } b: processRun(id: "processrun-missing") { id name } c: processRun(id: "processrun-xyz789") { status } }`,
    },
    expect: hasErrors(200),
    path: 'fallback',
  },
  {
    name: 'aliases, one failing (upstream 500)',
    body: {
      query: `{ a: processRun(id: "processrun-upstream-500") { id } b: processRun(id: "processrun-xyz789") { id } }`,
    },
    expect: hasErrors(200),
    path: 'fallback',
  },
  {
    name: 'fragments with overlapping fields',
    body: {
      query: `query { processRun(id: "processrun-xyz789") { ...A ...B id jobs { status } } }
        fragment A on ProcessRun { name jobs { id status } }
        fragment B on ProcessRun { id jobs { action id } status name }`,
    },
    expect: ok,
    path: 'ineligible',
  },
  {
    name: 'inline fragments overlapping on a union',
    body: {
      query: `{ processRun(id: "processrun-xyz789") { root { children { __typename ... on JobRun { id __typename status } ... on GroupRun { id name } ... on JobRun { status action } } } } }`,
    },
    expect: ok,
    path: 'fast',
  },
  {
    name: '_entities with a missing entity',
    body: {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ProcessRun { id name } } }`,
      variables: {
        r: [
          { __typename: 'ProcessRun', id: 'processrun-xyz789' },
          { __typename: 'ProcessRun', id: 'processrun-missing' },
          { __typename: 'ProcessRun', id: 'processrun-xyz789' },
        ],
      },
    },
    expect: hasErrors(200),
    path: 'ineligible',
  },
  {
    name: 'upstream drift and an error in one query',
    body: {
      query: `{ a: processRun(id: "${DRIFTING_RUN_ID}") { id status } b: processRun(id: "processrun-missing") { id } }`,
    },
    expect: hasErrors(200),
    path: 'fallback',
  },
  {
    name: 'masked error with locations',
    body: { query: `{ processRun(id: "${BROKEN_RUN_ID}") { id root { id children { __typename } } jobs { id } } }` },
    expect: hasErrors(200),
    path: 'fallback',
  },
  // application/json callers get 200 for request errors; graphql-response+json callers get 400.
  {
    name: 'validation error',
    body: { query: `{ processRun(id: "processrun-xyz789") { id nope } }` },
    expect: hasErrors(200),
    path: 'none',
  },
  {
    name: 'validation error, graphql-response+json',
    body: { query: `{ processRun(id: "processrun-xyz789") { id nope } }` },
    headers: { accept: 'application/graphql-response+json' },
    expect: hasErrors(400),
    path: 'none',
  },
  {
    name: 'parse error',
    body: { query: `{ processRun(id: "processrun-xyz789") { id ` },
    expect: hasErrors(200),
    path: 'none',
  },
  {
    name: 'seed, graphql-response+json',
    body: { query: bench.seed!.query, variables: bench.seed!.variables },
    headers: { accept: 'application/graphql-response+json' },
    expect: ok,
    path: 'fast',
  },
  {
    name: 'variables error',
    body: { query: `query ($id: ID!) { processRun(id: $id) { id } }`, variables: { id: { not: 'an id' } } },
    expect: hasErrors(200),
    path: 'fallback',
  },
  {
    name: 'missing variable',
    body: { query: `query ($id: ID!) { processRun(id: $id) { id } }` },
    expect: hasErrors(200),
    path: 'fallback',
  },
  {
    name: '@skip and @include',
    body: {
      query: `query ($s: Boolean!) { processRun(id: "processrun-xyz789") { id name @skip(if: $s) status @include(if: $s) } }`,
      variables: { s: true },
    },
    expect: ok,
    path: 'ineligible',
  },
  {
    name: '__typename and a named operation among two',
    body: {
      query: `query A { __typename } query B { processRun(id: "processrun-xyz789") { __typename id } }`,
      operationName: 'B',
    },
    expect: ok,
    path: 'fast',
  },
  {
    name: 'processes page',
    body: {
      query: `{ processes(first: 3) { nodes { id name run { id status } } pageInfo { hasNextPage endCursor } } }`,
    },
    expect: ok,
    path: 'fast',
  },
  {
    name: 'mutation against the fake',
    body: { query: `mutation { runProcess(processId: "process-abc123") { id status jobs { id action } } }` },
    expect: ok,
    path: 'ineligible',
  },
  {
    name: 'no authorization',
    body: { query: `{ processRun(id: "processrun-xyz789") { id } }` },
    headers: { authorization: '' },
    expect: (answer) => expect(answer.body).toContain('errors'),
    path: 'fallback',
  },
  { name: 'not JSON', body: '{"query": ', expect: hasErrors(400), path: 'none' },
];

describe('differential: the fast path answers byte for byte what the reference path answers', () => {
  const fast = useGateway({ env: { CURSOR_SECRET }, upstream: script });
  const reference = useGateway({ env: { CURSOR_SECRET, EXECUTION_FAST_PATH: 'false' }, upstream: script });

  it('the two gateways run the two paths', () => {
    expect(fast.gateway.config.executionFastPath).toBe(true);
    expect(reference.gateway.config.executionFastPath).toBe(false);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await compare(fast.gateway, reference.gateway, c.body, c.path, c.expect, c.headers);
    // Same upstream traffic: a re-run after an error reads the request's cached loads, never the upstream again.
    const traffic = (upstream: FakeUpstream) => upstream.requests.map((r) => `${r.method} ${r.url}`).sort();
    expect(traffic(fast.upstream)).toEqual(traffic(reference.upstream));
  });
});

describe('differential: persisted operations (PERSISTED_OPERATIONS_FILE)', () => {
  const fast = useGateway({ env: { PERSISTED_OPERATIONS_FILE: ALLOWLIST }, upstream: script });
  const reference = useGateway({
    env: { PERSISTED_OPERATIONS_FILE: ALLOWLIST, EXECUTION_FAST_PATH: 'false' },
    upstream: script,
  });

  it.each([
    [
      'by APQ hash',
      {
        variables: { id: 'processrun-xyz789' },
        extensions: { persistedQuery: { version: 1, sha256Hash: RUN_HEADER_HASH } },
      },
      200,
      'fast',
    ],
    ['by documentId', { documentId: RUN_HEADER_HASH, variables: { id: 'processrun-xyz789' } }, 200, 'fast'],
    ['a query sent as text (refused)', { query: '{ processRun(id: "processrun-xyz789") { id name } }' }, 400, 'none'],
  ] as const)('%s', async (_name, body, status, path) => {
    await compare(fast.gateway, reference.gateway, body, path, (answer) => expect(answer.status).toBe(status));
  });
});

describe('differential: what the fast path compiles (a new query text costs ~16 ms of CPU to compile)', () => {
  const t = useGateway({ upstream: script });
  const stats = () => t.gateway.app.fastPath!;
  const answered = async (query: string, operationName?: string) => {
    const before = { ...stats().answered };
    const answer = await send(t.gateway, { query, operationName });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).errors).toBeUndefined();
    return (Object.keys(before) as FastPathOutcome[]).filter(
      (outcome) => stats().answered[outcome] !== before[outcome],
    );
  };

  it('never compiles a document seen fewer than COMPILE_AFTER_USES times, however many there are', async () => {
    const compiled = stats().compiled;
    for (let i = 0; i < 50; i += 1) {
      for (let use = 1; use < COMPILE_AFTER_USES; use += 1)
        expect(await answered(`{ __typename } # varied ${i}`)).toEqual(['reference-not-yet-hot']);
    }
    expect(stats().compiled).toBe(compiled);
  });

  it('compiles a document on its COMPILE_AFTER_USES-th execution and runs the plan from then on', async () => {
    const compiled = stats().compiled;
    const query = `{ processRun(id: "processrun-xyz789") { id name } }`;
    for (let use = 1; use < COMPILE_AFTER_USES; use += 1)
      expect(await answered(query)).toEqual(['reference-not-yet-hot']);
    expect(stats().compiled).toBe(compiled);
    expect(await answered(query)).toEqual(['fast']);
    expect(await answered(query)).toEqual(['fast']);
    expect(stats().compiled).toBe(compiled + 1);
  });

  it('holds at most MAX_COMPILED_PLANS plans; an evicted one is answered by graphql-js until it is hot again', async () => {
    const text = (i: number) => `{ __typename } # plan ${i}`;
    const heat = async (i: number) => {
      for (let use = 0; use < COMPILE_AFTER_USES; use += 1) await answered(text(i));
    };
    // Enough hot documents to fill the cache from empty, plus one: the first is then the least recently used.
    const count = MAX_COMPILED_PLANS + 1;
    for (let i = 0; i < count; i += 1) await heat(i);
    expect(stats().plans).toBe(MAX_COMPILED_PLANS);
    expect(stats().evicted).toBeGreaterThanOrEqual(1);
    expect(await answered(text(count - 1))).toEqual(['fast']);
    const evicted = stats().evicted;
    for (let use = 1; use < COMPILE_AFTER_USES; use += 1)
      expect(await answered(text(0))).toEqual(['reference-not-yet-hot']);
    expect(await answered(text(0))).toEqual(['fast']);
    expect(stats().plans).toBe(MAX_COMPILED_PLANS);
    expect(stats().evicted).toBe(evicted + 1);
  });

  it('runs the operations of a document beyond MAX_OPERATIONS_PER_DOCUMENT on graphql-js, never compiling them', async () => {
    const names = Array.from({ length: MAX_OPERATIONS_PER_DOCUMENT + 1 }, (_, i) => `Op${i}`);
    const document = names.map((name) => `query ${name} { __typename }`).join(' ');
    const compiled = stats().compiled;
    for (let use = 0; use < COMPILE_AFTER_USES; use += 1) {
      for (const name of names) await answered(document, name);
    }
    expect(stats().compiled).toBe(compiled + MAX_OPERATIONS_PER_DOCUMENT);
    expect(await answered(document, names[0])).toEqual(['fast']);
    const extra = names[MAX_OPERATIONS_PER_DOCUMENT]!;
    expect(await answered(document, extra)).toEqual(['reference-too-many-operations']);
    expect(stats().compiled).toBe(compiled + MAX_OPERATIONS_PER_DOCUMENT);
  });
});

describe('differential: upstream drift is counted once per operation, whichever path answered it', () => {
  const t = useGateway({ upstream: script });
  const drift = async () =>
    metricSample(await scrapeMetrics(t.gateway), 'gateway_upstream_drift_total', { kind: 'enum', name: 'RunStatus' });

  it.each([
    ['answered by graphql-jit', `{ processRun(id: "${DRIFTING_RUN_ID}") { id status } }`, 'fast'],
    // The fast attempt sees the unknown status, its answer is thrown away for the 404, and graphql-js sees it again.
    [
      'answered by graphql-js after graphql-jit (an error elsewhere)',
      `{ a: processRun(id: "${DRIFTING_RUN_ID}") { id status } b: processRun(id: "processrun-missing") { id } }`,
      'fast-then-fallback',
    ],
  ] as const)('%s', async (_name, query, outcome) => {
    for (let use = 1; use <= COMPILE_AFTER_USES + 1; use += 1) {
      const before = await drift();
      const answered = t.gateway.app.fastPath!.answered[outcome];
      const answer = JSON.parse((await send(t.gateway, { query })).body);
      expect(answer.data.a?.status ?? answer.data.processRun.status).toBe('UNKNOWN');
      if (use >= COMPILE_AFTER_USES) expect(t.gateway.app.fastPath!.answered[outcome]).toBe(answered + 1);
      expect(await drift()).toBe(before + 1);
    }
  });
});

describe('differential: which operations the fast path takes (so the comparisons above exercise graphql-jit)', () => {
  const schema = buildGatewaySchema();
  const takes = (query: string, operationName?: string) => eligible(schema, parse(query), operationName);

  it('takes every bench workload and the plain suite queries', () => {
    for (const scenario of Object.values(bench)) expect(takes(scenario.query)).toBe(true);
    expect(takes(CASES.find((c) => c.name === 'aliases, one failing (404)')!.body!.query)).toBe(true);
    expect(takes(`query A { __typename } query B { processRun(id: "x") { id } }`, 'B')).toBe(true);
  });

  it('leaves mutations, _entities, directives, merged non-leaf selections and ambiguous documents to graphql-js', () => {
    expect(takes(`mutation { runProcess(processId: "p") { id } }`)).toBe(false);
    expect(takes(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on ProcessRun { id } } }`)).toBe(false);
    expect(takes(`query ($s: Boolean!) { processRun(id: "x") { id name @skip(if: $s) } }`)).toBe(false);
    expect(takes(`{ processRun(id: "x") { ...A jobs { id } } } fragment A on ProcessRun { jobs { status } }`)).toBe(
      false,
    );
    expect(takes(`{ processRun(id: "x") { a: id a: name } }`)).toBe(false);
    expect(takes(`query A { __typename } query B { __typename }`)).toBe(false);
  });
});

describe('differential: the plugins answer the same on both paths (limits, upstream budget, body limit, CSRF, logging)', () => {
  const env = {
    CURSOR_SECRET,
    MAX_QUERY_DEPTH: '6',
    MAX_QUERY_ALIASES: '5',
    MAX_UPSTREAM_CALLS_PER_OPERATION: '2',
    MAX_QUERY_LENGTH: '400',
    MAX_REQUEST_BODY_BYTES: '1024',
  };
  const fast = useGateway({ env, upstream: script });
  const reference = useGateway({ env: { ...env, EXECUTION_FAST_PATH: 'false' }, upstream: script });
  const ids = (n: number) =>
    Array.from({ length: n }, (_, i) => `r${i}: processRun(id: "processrun-fanout-0${i}") { id }`).join(' ');

  it.each([
    ['within every limit', { query: `{ processRun(id: "processrun-xyz789") { id name status } }` }, 200],
    [
      'too deep',
      {
        query: `{ processRun(id: "processrun-xyz789") { root { children { ... on GroupRun { children { ... on GroupRun { children { __typename } } } } } } } }`,
      },
      200,
    ],
    ['too many aliases', { query: `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: __typename`).join(' ')} }` }, 200],
    ['over the static upstream-call budget', { query: `{ ${ids(3)} }` }, 200],
    ['query too long', { query: `{ processRun(id: "processrun-xyz789") { id } } ${'#'.repeat(400)}` }, 200],
    ['body too large', { query: `{ __typename }`, variables: { pad: 'x'.repeat(1100) } }, 413],
  ] as const)('%s', async (_name, body, status) => {
    for (let i = 0; i < 2; i += 1) {
      const expected = await send(reference.gateway, body);
      const actual = await send(fast.gateway, body);
      expect(expected.status).toBe(status);
      expect(actual).toEqual(expected);
    }
  });

  it('CSRF: a GET without the preflight header is refused alike, with it answered alike', async () => {
    const get = async (gateway: HarnessGateway, headers: Record<string, string>) => {
      const response = await fetch(
        `${gateway.url}/graphql?query=${encodeURIComponent('{ processRun(id: "processrun-xyz789") { id name } }')}`,
        {
          headers: {
            accept: 'application/json',
            authorization: TEST_TOKEN,
            'x-request-id': 'differential-1',
            ...headers,
          },
        },
      );
      const seen: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'date') seen[name] = value;
      });
      return { status: response.status, headers: seen, body: await response.text() };
    };
    const refused = await get(reference.gateway, {});
    expect(refused.status).toBe(403);
    expect(await get(fast.gateway, {})).toEqual(refused);
    const answered = await get(reference.gateway, { 'x-graphql-yoga-csrf': '1' });
    expect(answered.status).toBe(200);
    expect(await get(fast.gateway, { 'x-graphql-yoga-csrf': '1' })).toEqual(answered);
  });

  it('request logging: the same log messages for an operation taken by graphql-jit', async () => {
    const messages = (gateway: HarnessGateway) =>
      gateway.logs.entries.filter((entry) => entry.requestId === 'differential-log').map((entry) => entry.msg);
    const body = { query: `query Logged { processRun(id: "processrun-xyz789") { id } }` };
    await send(reference.gateway, body, { 'x-request-id': 'differential-log' });
    await send(fast.gateway, body, { 'x-request-id': 'differential-log' });
    expect(messages(reference.gateway).length).toBeGreaterThan(0);
    expect(messages(fast.gateway)).toEqual(messages(reference.gateway));
  });
});
