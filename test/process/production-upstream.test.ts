// Production never serves demo data by accident: through the real entry point (`node dist/index.js`).
// The startup log says what to do next: where GraphiQL is, and with the demo, which ids to try.
import { DEMO_ERROR_SCENARIOS } from '../../src/demo/demo-errors';
import { execute, expectNoErrors, runEntryPointToExit, useBuiltEntryPoint, withSpawnedGateway } from '../harness';

describe('the real entry point: production and the demo upstream', () => {
  useBuiltEntryPoint();

  it('NODE_ENV=production without UPSTREAM_BASE_URL exits 2 with one line naming UPSTREAM_BASE_URL', async () => {
    const { code, stdout, stderr } = await runEntryPointToExit({ NODE_ENV: 'production' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: UPSTREAM_BASE_URL /);
    expect(lines[0]).toMatch(/DEMO_UPSTREAM=true/);
  });

  it('NODE_ENV=production with DEMO_UPSTREAM=true serves the demo, and says where GraphiQL is and which ids to try', async () => {
    await withSpawnedGateway(
      { NODE_ENV: 'production', DEMO_UPSTREAM: 'true', CURSOR_SECRET_EPHEMERAL: 'true' },
      async (gateway) => {
        const response = await execute(gateway, '{ processRun(id: "processrun-xyz789") { id } }');
        expect(expectNoErrors(response)).toEqual({ processRun: { id: 'processrun-xyz789' } });
        const next = gateway.logs.find((entry) => entry.msg === 'next steps');
        expect(next).toBeDefined();
        expect(next!.graphiql).toContain(`${gateway.url}/graphql`);
        expect(next!.demoRunIds).toContain('processrun-xyz789');
        expect(next!.demoErrorIds).toEqual(DEMO_ERROR_SCENARIOS.map((scenario) => scenario.id));
        gateway.child.kill('SIGTERM');
        expect(await gateway.exited).toBe(0);
      },
    );
  });

  it('outside production the demo stays the default of `npm start`', async () => {
    await withSpawnedGateway({}, async (gateway) => {
      expect(gateway.logs.find((entry) => entry.msg === 'gateway listening')!.demo).toBe(true);
    });
  });

  it('DEMO_UPSTREAM=true next to UPSTREAM_BASE_URL is refused (exit 2, one line)', async () => {
    const { code, stderr } = await runEntryPointToExit({
      DEMO_UPSTREAM: 'true',
      UPSTREAM_BASE_URL: 'http://127.0.0.1:9',
    });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: DEMO_UPSTREAM /)]);
  });
});
