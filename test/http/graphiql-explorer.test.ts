import { parse, validate } from 'graphql';
import { DEMO_ERROR_SCENARIOS } from '../../src/demo/demo-errors';
import { seedProcessRun } from '../../src/demo/fixtures';
import { buildGatewaySchema, loadTypeDefs } from '../../src/schema/build-schema';
import { GRAPHIQL_DEMO_IDS } from '../../src/demo/graphiql-demo-ids';
import { demoTabs } from '../../src/graphiql/demo-tabs';
import { GRAPHIQL_ASSETS_PATH } from '../../src/graphiql/graphiql-assets';
import { RunIdDocument } from '../generated/graphql';
import {
  execute,
  expectOnlyError,
  graphiqlOptionsIn,
  httpGet,
  openGraphiQL,
  useDemoGateway,
  withGateway,
} from '../harness';

const GRAPHIQL_TABS = demoTabs(GRAPHIQL_DEMO_IDS);

// What each demo id must answer with: written out here, not read from src/, so the two cannot drift together.
const EXPECTED_CODES: Record<string, string> = {
  'demo-bad-request': 'BAD_USER_INPUT',
  'demo-unauthenticated': 'UNAUTHENTICATED',
  'demo-forbidden': 'FORBIDDEN',
  'demo-not-found': 'NOT_FOUND',
  'demo-conflict': 'CONFLICT',
  'demo-rate-limited': 'RATE_LIMITED',
  'demo-server-error': 'UPSTREAM_ERROR',
  'demo-unavailable': 'UPSTREAM_UNAVAILABLE',
  'demo-timeout': 'UPSTREAM_TIMEOUT',
  'demo-unreachable': 'UPSTREAM_UNREACHABLE',
  'demo-bad-response': 'UPSTREAM_BAD_RESPONSE',
};

const operationNameOf = (query: string): string => /^(?:query|mutation|subscription) (\w+)/m.exec(query)![1]!;

describe('GraphiQL – the tabs', () => {
  const schema = buildGatewaySchema();

  it('every tab is a valid operation against the schema', () => {
    for (const tab of GRAPHIQL_TABS) {
      const errors = validate(schema, parse(tab.query));
      expect({ tab: operationNameOf(tab.query), errors: errors.map((error) => error.message) }).toEqual({
        tab: operationNameOf(tab.query),
        errors: [],
      });
    }
  });

  it('opens with the run trees, the job variants (the certification run with excludeGeneratedJobs both ways), the live run, one Errors tab for every demo error id, the processes tab, then the mutations tab', () => {
    expect(GRAPHIQL_TABS.map((tab) => operationNameOf(tab.query))).toEqual([
      'Trees',
      'Jobs',
      'Live',
      'Errors',
      'Processes',
      'Mutations',
    ]);
    expect(DEMO_ERROR_SCENARIOS.map((scenario) => scenario.id)).toEqual(Object.keys(EXPECTED_CODES));
    expect(GRAPHIQL_TABS[0]!.query).toContain('... on GroupRun');
    expect(GRAPHIQL_TABS[0]!.query).toContain('... on JobRun');
    expect(GRAPHIQL_TABS[1]!.query).toContain('query WithGenerated {');
    expect(GRAPHIQL_TABS[1]!.query).toContain('query WithoutGenerated {');
    expect(GRAPHIQL_TABS[2]!.query).toContain('subscription Live {');
  });
});

describe('GraphiQL – the docs pane', () => {
  it('every type, field and argument of the SDL has a description', () => {
    const undocumented: string[] = [];
    for (const definition of loadTypeDefs().definitions) {
      if (!('name' in definition) || !definition.name) continue;
      const typeName = definition.name.value;
      if (!('description' in definition) || !definition.description) undocumented.push(typeName);
      const fields = 'fields' in definition ? (definition.fields ?? []) : [];
      for (const field of fields) {
        if (!field.description) undocumented.push(`${typeName}.${field.name.value}`);
        const args = 'arguments' in field ? (field.arguments ?? []) : [];
        for (const arg of args)
          if (!arg.description) undocumented.push(`${typeName}.${field.name.value}(${arg.name.value})`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});

describe('GraphiQL – on a gateway with the embedded demo upstream', () => {
  // A short deadline so the demo-timeout tab answers quickly, yet long enough (1.5 s) that a cold demo answer on a
  // loaded 2-core machine is never mistaken for a timeout.
  const t = useDemoGateway({ UPSTREAM_TIMEOUT_MS: '1500', UPSTREAM_HEADERS_TIMEOUT_MS: '1500' });

  it('GET /graphql renders GraphiQL that loads every asset from this server, none from a CDN', async () => {
    const page = await openGraphiQL(t.gateway);
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.html).not.toMatch(/unpkg|jsdelivr|cdn\.|https?:\/\/(?!app\.wdesk\.com)[^"'\s]*\.(js|css)/);
    expect(page.html).toContain(`<script src="${GRAPHIQL_ASSETS_PATH}/graphiql.js"></script>`);
    for (const [file, type] of [
      ['graphiql.js', 'text/javascript'],
      ['graphiql.css', 'text/css'],
      ['editor.worker.js', 'text/javascript'],
      ['json.worker.js', 'text/javascript'],
      ['graphql.worker.js', 'text/javascript'],
      ['favicon.ico', 'image/x-icon'],
    ] as const) {
      const response = await httpGet(t.gateway, `${GRAPHIQL_ASSETS_PATH}/${file}`);
      const body = response.bytes;
      expect({ file, status: response.status, type: response.contentType?.split(';')[0] }).toEqual({
        file,
        status: 200,
        type,
      });
      expect(body.byteLength).toBeGreaterThan(1000);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await httpGet(t.gateway, `${GRAPHIQL_ASSETS_PATH}/../package.json`)).status).toBe(404);
    expect((await httpGet(t.gateway, `${GRAPHIQL_ASSETS_PATH}/nope.js`)).status).toBe(404);
  });

  it('the page carries the tabs and, for the demo, no Authorization header', async () => {
    const options = graphiqlOptionsIn((await openGraphiQL(t.gateway)).html);
    expect(options.defaultTabs.map((tab: { query: string }) => operationNameOf(tab.query))).toEqual(
      GRAPHIQL_TABS.map((tab) => operationNameOf(tab.query)),
    );
    expect(options.defaultTabs.every((tab: { headers: unknown }) => tab.headers === null)).toBe(true);
    expect(options.headers).toBeUndefined();
  });

  it('the run tabs answer without errors (each operation by its operationName)', async () => {
    const runs = ['Trees', 'NestedTree', 'Jobs', 'CertJobs', 'WithGenerated', 'WithoutGenerated'].map(
      (operationName) => ({
        query: GRAPHIQL_TABS.find((tab) => tab.query.includes(` ${operationName} {`))!.query,
        operationName,
      }),
    );
    const answers = [];
    for (const run of runs) {
      const response = await execute(t.gateway, run.query, undefined, { operationName: run.operationName });
      expect({ operationName: run.operationName, errors: response.body.errors }).toEqual({
        operationName: run.operationName,
        errors: undefined,
      });
      expect(response.body.data!.processRun.name).toEqual(expect.any(String));
      answers.push(response.body.data!);
    }
    expect(answers[0]!.processRun.name).toBe('Q4 2024 Financial Close');
    const [withGenerated, withoutGenerated] = answers.slice(4);
    expect(withGenerated!.processRun.jobs.length).toBeGreaterThan(withoutGenerated!.processRun.jobs.length);
  });

  it.each(Object.entries(EXPECTED_CODES))('the %s tab shows %s with a null processRun', async (id, code) => {
    const tab = GRAPHIQL_TABS.find((candidate) => candidate.query.includes(`"${id}"`))!;
    // The Errors tab holds one operation per id: the one that names it.
    const operationName = new RegExp(`query (\\w+) \\{\\s*processRun\\(id: "${id}"\\)`).exec(tab.query)![1];
    const response = await execute(t.gateway, tab.query, undefined, { operationName });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ processRun: null });
    expect(expectOnlyError(response, code).path).toEqual(['processRun']);
  });

  it('the demo error bodies are the documented ones: 400 detail, 429 Retry-After', async () => {
    const badRequest = await execute(t.gateway, RunIdDocument, { id: 'demo-bad-request' });
    expect(badRequest.body.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      upstream: {
        status: 400,
        code: 'invalidUser',
        message: 'The provided user is invalid.',
        target: 'assignee',
        meta: { argumentName: 'assignee', jobId: 'job1234' },
        documentationUrl: 'http://developerdocs.example.com',
      },
    });
    const rateLimited = await execute(t.gateway, RunIdDocument, { id: 'demo-rate-limited' });
    expect(rateLimited.body.errors![0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 10,
      upstream: { status: 429 },
    });
  });
});

describe('GraphiQL – with a real upstream configured', () => {
  it('prefills no Authorization placeholder and offers no demo tabs or ids', async () => {
    await withGateway({}, async (gateway) => {
      const { html } = await openGraphiQL(gateway);
      const options = graphiqlOptionsIn(html);
      expect(options.headers).toBeUndefined();
      expect(options.defaultHeaders).toBeUndefined();
      for (const tab of options.defaultTabs) expect(tab.headers).toBeNull();
      expect(options.defaultTabs.map((tab: { query: string }) => operationNameOf(tab.query))).toEqual(['ProcessRun']);
      expect(html).not.toMatch(/demo-|processrun-xyz789|Bearer </);
    });
  });

  it('GRAPHIQL=false: no GraphiQL page and no GraphiQL assets', async () => {
    await withGateway({ GRAPHIQL: 'false' }, async (gateway) => {
      const page = await openGraphiQL(gateway);
      expect(page.contentType ?? '').not.toMatch(/text\/html/);
      expect(page.html).not.toContain('renderYogaGraphiQL');
      expect((await httpGet(gateway, `${GRAPHIQL_ASSETS_PATH}/graphiql.js`)).status).toBe(404);
    });
  });

  it('INTROSPECTION=false: __schema and __type are refused, ordinary operations still run', async () => {
    await withGateway(
      { INTROSPECTION: 'false' },
      async (gateway) => {
        const schemaQuery = await execute(gateway, '{ __schema { queryType { name } } }');
        expect(schemaQuery.body.data).toBeUndefined();
        expect(schemaQuery.body.errors!.map((error) => [error.message, error.extensions!.code])).toEqual([
          [
            'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
            'GRAPHQL_VALIDATION_FAILED',
          ],
          [
            'GraphQL introspection has been disabled, but the requested query contained the field "queryType".',
            'GRAPHQL_VALIDATION_FAILED',
          ],
        ]);
        const typeQuery = await execute(gateway, '{ __type(name: "ProcessRun") { name } }');
        expect(typeQuery.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
        const run = await execute(gateway, '{ __typename processRun(id: "processrun-xyz789") { name } }');
        expect(run.body).toEqual({ data: { __typename: 'Query', processRun: { name: 'Q4 2024 Financial Close' } } });
      },
      { upstream: (upstream) => upstream.serveRun(seedProcessRun) },
    );
  });

  it('introspection is on by default', async () => {
    await withGateway({}, async (gateway) => {
      const schemaQuery = await execute(gateway, '{ __schema { queryType { name } } }');
      expect(schemaQuery.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    });
  });
});
