import { certificationRun, seedProcessRun } from '../../src/demo/fixtures';
import { excludeGeneratedJobs } from '../../src/demo/exclude-generated-jobs';
import { DistinctCallsDocument, RunIdDocument, RunJobIdsDocument, SameRunAliasesDocument } from '../generated/graphql';
import { execute, expectOnlyError, json, useGateway } from '../harness';

describe('processRun – per-request loader and upstream query forwarding', () => {
  const t = useGateway();

  it('aliases asking for the same run cost one upstream call', async () => {
    t.upstream.serveRun(seedProcessRun);
    const response = await execute(t.gateway, SameRunAliasesDocument);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      a: { id: 'processrun-xyz789' },
      b: { name: 'Q4 2024 Financial Close' },
      c: { status: 'RUNNING' },
    });
    expect(t.upstream.runRequests).toHaveLength(1);
  });

  it('distinct ids and distinct excludeGeneratedJobs values are separate calls, sent concurrently', async () => {
    // Each answer waits until all three calls have arrived (deterministic, not a race against a sleep); if the calls
    // were sequential, the first would wait out the 5 s fallback alone and maxInFlight would stay below 3.
    let inFlight = 0;
    let maxInFlight = 0;
    let releaseAll!: () => void;
    const allArrived = new Promise<void>((resolve) => (releaseAll = resolve));
    const fallback = setTimeout(() => releaseAll(), 5_000);
    const slow = (body: unknown) => async (_request: unknown, response: Parameters<typeof json>[0]) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (inFlight === 3) releaseAll();
      await allArrived;
      inFlight -= 1;
      json(response, 200, body);
    };
    t.upstream.onRun('processrun-xyz789', slow(seedProcessRun));
    t.upstream.onRun('processrun-cert-001', slow(certificationRun));
    const response = await execute(t.gateway, DistinctCallsDocument);
    expect(response.body.errors).toBeUndefined();
    expect(t.upstream.runRequests.map((r) => r.url).sort()).toEqual([
      '/processRuns/processrun-cert-001',
      '/processRuns/processrun-cert-001?excludeGeneratedJobs=true',
      '/processRuns/processrun-xyz789',
    ]);
    clearTimeout(fallback);
    expect(maxInFlight).toBe(3);
  });

  it('forwards excludeGeneratedJobs=true only when asked, and serves what the upstream returns for it', async () => {
    t.upstream.onRun('processrun-cert-001', (request, response) =>
      json(
        response,
        200,
        request.query.get('excludeGeneratedJobs') === 'true'
          ? excludeGeneratedJobs(certificationRun)
          : certificationRun,
      ),
    );
    const all = await execute(t.gateway, RunJobIdsDocument, { id: 'processrun-cert-001' });
    const lean = await execute(t.gateway, RunJobIdsDocument, { id: 'processrun-cert-001', excludeGeneratedJobs: true });
    expect(t.upstream.runRequests.map((r) => r.url)).toEqual([
      '/processRuns/processrun-cert-001',
      '/processRuns/processrun-cert-001?excludeGeneratedJobs=true',
    ]);
    expect(all.body.data!.processRun!.jobs).toHaveLength(6);
    expect(lean.body.data!.processRun!.jobs.map((j) => j.id)).toEqual(['jobrun-cert-request', 'jobrun-cert-main']);
  });

  it('caches nothing across requests: each request fetches again (callers may differ)', async () => {
    t.upstream.serveRun(seedProcessRun);
    await execute(
      t.gateway,
      RunIdDocument,
      { id: 'processrun-xyz789' },
      { headers: { authorization: 'Bearer caller-one' } },
    );
    await execute(
      t.gateway,
      RunIdDocument,
      { id: 'processrun-xyz789' },
      { headers: { authorization: 'Bearer caller-two' } },
    );
    expect(t.upstream.runRequests.map((r) => r.headers.authorization)).toEqual([
      'Bearer caller-one',
      'Bearer caller-two',
    ]);
  });

  it("one request's failure is not cached for the next request", async () => {
    let calls = 0;
    t.upstream.onRun('flaky', (_request, response) => {
      calls += 1;
      if (calls === 1) json(response, 404, { code: '404', message: 'not yet' });
      else json(response, 200, { ...seedProcessRun, id: 'flaky' });
    });
    const first = await execute(t.gateway, RunIdDocument, { id: 'flaky' });
    const second = await execute(t.gateway, RunIdDocument, { id: 'flaky' });
    expectOnlyError(first, 'NOT_FOUND');
    expect(second.body).toEqual({ data: { processRun: { id: 'flaky' } } });
  });

  it('one failing alias does not fail its siblings', async () => {
    t.upstream.serveRun(seedProcessRun);
    const response = await execute(
      t.gateway,
      `{
      ok: processRun(id: "processrun-xyz789") { id }
      missing: processRun(id: "does-not-exist") { id }
    }`,
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ ok: { id: 'processrun-xyz789' }, missing: null });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0]).toMatchObject({ path: ['missing'], extensions: { code: 'NOT_FOUND' } });
    // The whole answer: the sibling's data next to the one error, nothing else.
    expect(response.body).toEqual({
      data: { ok: { id: 'processrun-xyz789' }, missing: null },
      errors: [
        {
          message: 'Process run not found.',
          locations: [{ line: 3, column: 7 }],
          path: ['missing'],
          extensions: {
            code: 'NOT_FOUND',
            upstream: { status: 404, code: '404', message: 'Could not find process run /processRuns/does-not-exist' },
          },
        },
      ],
    });
  });
});
