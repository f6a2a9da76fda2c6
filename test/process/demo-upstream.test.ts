import { spawnGateway, type SpawnedGateway } from './support/spawn-gateway';

async function post(url: string, query: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

describe('npm start with no configuration – the embedded demo upstream', () => {
  let gateway: SpawnedGateway;

  beforeAll(async () => {
    gateway = await spawnGateway();
  });
  afterAll(async () => {
    if (gateway.child.exitCode === null) {
      gateway.child.kill('SIGKILL');
      await gateway.exited;
    }
  });

  it('says plainly that it serves the demo upstream', () => {
    const line = gateway.logs.find((e) => /DEMO upstream/.test(String(e.msg)));
    expect(line?.upstream).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the seed run processrun-xyz789 without credentials', async () => {
    const { status, body } = await post(gateway.url, '{ processRun(id: "processrun-xyz789") { name status jobs { id } } }');
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
    const nested = await post(gateway.url, '{ processRun(id: "processrun-nested-001") { jobs { id } } }');
    expect(nested.body.data.processRun.jobs).toHaveLength(6);
    const all = await post(gateway.url, '{ processRun(id: "processrun-cert-001") { jobs { action } } }');
    const lean = await post(gateway.url, '{ processRun(id: "processrun-cert-001", excludeGeneratedJobs: true) { jobs { action } } }');
    expect(all.body.data.processRun.jobs).toHaveLength(6);
    expect(lean.body.data.processRun.jobs).toEqual([{ action: 'CONTENT_REQUEST' }, { action: 'CERTIFICATION' }]);
  });

  it('answers an unknown demo id with NOT_FOUND', async () => {
    const { body } = await post(gateway.url, '{ processRun(id: "no-such-run") { id } }');
    expect(body.data).toEqual({ processRun: null });
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('opens GraphiQL for a browser, and answers /health and /ready', async () => {
    const graphiql = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toMatch(/graphiql/i);
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/ready`)).status).toBe(200);
  });

  it('exits 0 on SIGTERM after logging the shutdown', async () => {
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(gateway.logs.some((e) => e.msg === 'shutdown complete')).toBe(true);
  });
});
