import { join } from 'node:path';
import pino from 'pino';
import type { YogaInitialContext } from 'graphql-yoga';
import { createContextFactory } from '../../src/server/context';
import { passthroughCredentials } from '../../src/upstream/credentials';
import { ProcessesClient } from '../../src/upstream/processes-client';
import { UpstreamDriftReporter } from '../../src/upstream/upstream-drift';
import { afterWrite } from '../../src/writes/after-write';
import { seedProcessRun } from '../../src/demo/fixtures';
import {
  execute,
  expectNoErrors,
  expectOnlyError,
  httpGet,
  json,
  postGraphQL,
  scrapeMetrics,
  TEST_TOKEN,
  useFakeUpstream,
  useGateway,
  withGateway,
} from '../harness';
import { createdJobRun, SEND_TASK_JOB, startedRun } from './write-fixtures';

const RUN = `mutation { runProcess(processId: "process-abc123") { id } }`;
const ALLOWLIST = join(__dirname, '..', '..', 'examples', 'frontend-queries', 'generated', 'persisted-documents.json');
const START_RUN_HASH = '270ee2c694e814792bfe044e3ab6dc92e5ff7bbd786ab6eb58d61db36a887507';

describe('mutations – transport rules, logs and metrics', () => {
  const t = useGateway();

  it('a mutation over GET is refused with 405 before any upstream call (CSRF header present)', async () => {
    const response = await httpGet(t.gateway, `/graphql?query=${encodeURIComponent(RUN)}`, {
      authorization: TEST_TOKEN,
      'x-graphql-yoga-csrf': '1',
      accept: 'application/graphql-response+json',
    });
    expect(response.status).toBe(405);
    const body = JSON.parse(response.text) as {
      errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.message).toBe('Can only perform a mutation operation from a POST request.');
    expect(body.errors[0]!.extensions?.code).toBe('BAD_REQUEST');
    expect(t.upstream.requests).toEqual([]);
  });

  it('a mutation over GET without the CSRF header is refused by CSRF prevention first', async () => {
    const response = await httpGet(t.gateway, `/graphql?query=${encodeURIComponent(RUN)}`, {
      authorization: TEST_TOKEN,
    });
    expect(response.status).toBe(403);
    expect(t.upstream.requests).toEqual([]);
  });

  it('a mutation is never deduplicated: two identical runProcess fields send two POSTs', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) => json(response, 201, startedRun));
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `mutation { a: runProcess(processId: "process-abc123") { id } b: runProcess(processId: "process-abc123") { id } }`,
      ),
    );
    expect(data).toEqual({ a: { id: startedRun.id }, b: { id: startedRun.id } });
    expect(t.upstream.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it('each mutation logs one info line with name, target and outcome, never argument text or the token', async () => {
    t.upstream.onPath('POST', '/processRuns/processrun-xyz789/jobRuns', (_request, response) =>
      json(response, 201, [createdJobRun]),
    );
    const before = t.gateway.logs.lines.length;
    const secretTitle = 'Quarterly numbers for Mr. Secret';
    const jobs = [
      {
        action: 'SEND_TASK',
        arguments: {
          sendTask: { ...SEND_TASK_JOB.arguments.sendTask, title: secretTitle, instructions: 'private note' },
        },
      },
    ];
    expectNoErrors(
      await execute(
        t.gateway,
        `mutation($jobs: [JobRunInput!]!) { addJobRuns(processRunId: "processrun-xyz789", jobs: $jobs) { id } }`,
        { jobs },
      ),
    );
    expectOnlyError(
      await execute(
        t.gateway,
        `mutation($jobs: [JobRunInput!]!) { addJobRuns(processRunId: "processrun-xyz789", jobs: $jobs) { id } }`,
        { jobs: [{ ...jobs[0], action: 'UNKNOWN' }] },
      ),
      'BAD_USER_INPUT',
    );
    const lines = t.gateway.logs.lines.slice(before);
    const mutations = lines
      .map((line) => JSON.parse(line) as Record<string, any>)
      .filter((entry) => entry.msg === 'mutation');
    expect(
      mutations.map((entry) => ({
        level: entry.level,
        ...entry.mutation,
        durationMs: typeof entry.mutation.durationMs,
      })),
    ).toEqual([
      { level: 30, name: 'addJobRuns', target: 'processrun-xyz789', outcome: 'ok', durationMs: 'number' },
      {
        level: 30,
        name: 'addJobRuns',
        target: 'processrun-xyz789',
        outcome: 'invalid_input',
        code: 'BAD_USER_INPUT',
        durationMs: 'number',
      },
    ]);
    const text = lines.join('\n');
    expect(text).not.toContain(secretTitle);
    expect(text).not.toContain('private note');
    expect(text).not.toContain('test-secret-token');
  });

  it('/metrics counts mutations by mutation and outcome', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) => json(response, 201, startedRun));
    t.upstream.onPath('DELETE', '/processes/process-abc123', (_request, response) =>
      json(response, 503, { code: '503' }),
    );
    expectNoErrors(await execute(t.gateway, RUN));
    expectOnlyError(
      await execute(t.gateway, `mutation { trashProcess(processId: "process-abc123") }`),
      'UPSTREAM_UNAVAILABLE',
    );
    expectOnlyError(await execute(t.gateway, `mutation { trashProcess(processId: "") }`), 'BAD_USER_INPUT');
    const metrics = await scrapeMetrics(t.gateway);
    expect(metrics).toMatch(/gateway_mutations_total\{mutation="runProcess",outcome="ok"\} [1-9]/);
    expect(metrics).toContain('gateway_mutations_total{mutation="trashProcess",outcome="unknown"} 1');
    expect(metrics).toContain('gateway_mutations_total{mutation="trashProcess",outcome="invalid_input"} 1');
  });
});

describe('mutations – trusted documents apply to them', () => {
  it('an allowlisted mutation runs by hash; a mutation sent as text is refused before any upstream call', async () => {
    await withGateway({ PERSISTED_OPERATIONS_FILE: ALLOWLIST }, async (gateway) => {
      gateway.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) =>
        json(response, 201, startedRun),
      );
      const byHash = await postGraphQL(gateway, {
        variables: { processId: 'process-abc123' },
        extensions: { persistedQuery: { version: 1, sha256Hash: START_RUN_HASH } },
      });
      expect(expectNoErrors(byHash).runProcess.id).toBe(startedRun.id);
      expectOnlyError(await postGraphQL(gateway, { query: RUN }), 'PERSISTED_QUERY_ONLY');
      expect(gateway.upstream.requests).toHaveLength(1);
    });
  });
});

describe('afterWrite – a read after a write in the same request fetches fresh data', () => {
  const fake = useFakeUpstream();

  it('clears the processRun loader entries of the written run (both excludeGeneratedJobs variants)', async () => {
    const upstream = fake.upstream;
    let revision = 5;
    upstream.onRun(seedProcessRun.id, (_request, response) =>
      json(response, 200, { ...seedProcessRun, revision: revision++ }),
    );
    const logger = pino({ level: 'silent' });
    const client = new ProcessesClient({
      baseUrl: upstream.url,
      apiVersion: 'test',
      timeoutMs: 5_000,
      maxBodyBytes: 1024 * 1024,
      credentials: passthroughCredentials(true),
      logger,
    });
    try {
      const context = createContextFactory({
        client,
        logger,
        drift: new UpstreamDriftReporter(logger),
        maxUpstreamCallsPerOperation: 50,
      })({
        request: new Request('http://gateway.test/graphql', { headers: { authorization: TEST_TOKEN } }),
      } as YogaInitialContext);
      const load = (excludeGeneratedJobs: boolean) =>
        context.loaders.processRun.load({ id: seedProcessRun.id, excludeGeneratedJobs });
      expect((await load(false)).revision).toBe(5);
      expect((await load(true)).revision).toBe(6);
      expect((await load(false)).revision).toBe(5); // cached within the request
      afterWrite(context, { processRunId: seedProcessRun.id });
      expect((await load(false)).revision).toBe(7);
      expect((await load(true)).revision).toBe(8);
      expect(upstream.runRequests).toHaveLength(4);
    } finally {
      await client.close();
    }
  });
});
