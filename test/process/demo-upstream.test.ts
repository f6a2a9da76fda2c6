import { JobActionsDocument, JobIdsDocument, RunIdDocument, RunSummaryDocument } from '../generated/graphql';
import { execute, expectOnlyError, httpGet, openGraphiQL, useSpawnedGateway } from '../harness';

describe('npm start with no configuration – the embedded demo upstream', () => {
  // No credentials: a spawned gateway's execute() sends no Authorization.
  const t = useSpawnedGateway();

  it('says plainly that it serves the demo upstream', () => {
    const line = t.gateway.logs.find((e) => /DEMO upstream/.test(String(e.msg)));
    expect(line?.upstream).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the seed run processrun-xyz789 without credentials', async () => {
    const { status, body } = await execute(t.gateway, RunSummaryDocument, { id: 'processrun-xyz789' });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        processRun: {
          name: 'Q4 2024 Financial Close',
          status: 'RUNNING',
          jobs: [{ id: 'jobrun-001' }, { id: 'jobrun-002' }, { id: 'jobrun-003' }],
        },
      },
    });
  });

  it('serves the nested-groups run and the certification run, where excludeGeneratedJobs visibly changes the result', async () => {
    const nested = await execute(t.gateway, JobIdsDocument, { id: 'processrun-nested-001' });
    expect(nested.body.data!.processRun!.jobs).toHaveLength(6);
    const all = await execute(t.gateway, JobActionsDocument, { id: 'processrun-cert-001' });
    const lean = await execute(t.gateway, JobActionsDocument, {
      id: 'processrun-cert-001',
      excludeGeneratedJobs: true,
    });
    expect(all.body.data!.processRun!.jobs).toHaveLength(6);
    expect(lean.body.data!.processRun!.jobs).toEqual([{ action: 'CONTENT_REQUEST' }, { action: 'CERTIFICATION' }]);
  });

  it('answers an unknown demo id with NOT_FOUND', async () => {
    const response = await execute(t.gateway, RunIdDocument, { id: 'no-such-run' });
    expect(response.body.data).toEqual({ processRun: null });
    expectOnlyError(response, 'NOT_FOUND');
  });

  it('opens GraphiQL for a browser, and answers /health and /ready', async () => {
    const graphiql = await openGraphiQL(t.gateway);
    expect(graphiql.status).toBe(200);
    expect(graphiql.html).toMatch(/graphiql/i);
    expect((await httpGet(t.gateway, '/health')).status).toBe(200);
    expect((await httpGet(t.gateway, '/ready')).status).toBe(200);
  });

  it('exits 0 on SIGTERM after logging the shutdown', async () => {
    const { gateway } = t;
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(gateway.logs.some((e) => e.msg === 'shutdown complete')).toBe(true);
  });
});
