// Production never serves demo data by accident: through the real entry point (`node dist/index.js`).
// The startup log says what to do next: where GraphiQL is, and with the demo, which ids to try.
import { spawn } from 'node:child_process';
import { DEMO_ERROR_SCENARIOS } from '../../src/demo/demo-errors';
import { ENTRY_POINT, spawnGateway } from '../support/spawn-gateway';

function runToExit(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ENTRY_POINT], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // Generous: it exits during config loading; only a process that started serving would reach this.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after 20 s; stdout: ${stdout}`));
    }, 20_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the real entry point: production and the demo upstream', () => {
  it('NODE_ENV=production without UPSTREAM_BASE_URL exits 2 with one line naming UPSTREAM_BASE_URL', async () => {
    const { code, stdout, stderr } = await runToExit({ NODE_ENV: 'production' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: UPSTREAM_BASE_URL /);
    expect(lines[0]).toMatch(/DEMO_UPSTREAM=true/);
  });

  it('NODE_ENV=production with DEMO_UPSTREAM=true serves the demo, and says where GraphiQL is and which ids to try', async () => {
    const gateway = await spawnGateway({ NODE_ENV: 'production', DEMO_UPSTREAM: 'true' });
    try {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ processRun(id: "processrun-xyz789") { id } }' }),
      });
      expect(await response.json()).toEqual({ data: { processRun: { id: 'processrun-xyz789' } } });
      const next = gateway.logs.find((entry) => entry.msg === 'next steps');
      expect(next).toBeDefined();
      expect(next!.graphiql).toContain(`${gateway.url}/graphql`);
      expect(next!.demoRunIds).toContain('processrun-xyz789');
      expect(next!.demoErrorIds).toEqual(DEMO_ERROR_SCENARIOS.map((scenario) => scenario.id));
    } finally {
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
    }
  });

  it('outside production the demo stays the default of `npm start`', async () => {
    const gateway = await spawnGateway({});
    try {
      expect(gateway.logs.find((entry) => entry.msg === 'gateway listening')!.demo).toBe(true);
    } finally {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }
  });

  it('DEMO_UPSTREAM=true next to UPSTREAM_BASE_URL is refused (exit 2, one line)', async () => {
    const { code, stderr } = await runToExit({ DEMO_UPSTREAM: 'true', UPSTREAM_BASE_URL: 'http://127.0.0.1:9' });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: DEMO_UPSTREAM /)]);
  });
});
