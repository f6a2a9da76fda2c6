import { spawnGateway } from './support/spawn-gateway';

describe('shutdown – a stalled log reader cannot keep the gateway from serving or stopping', () => {
  it('keeps answering and exits 0 on SIGTERM while nobody reads its stdout', async () => {
    const gateway = await spawnGateway({ LOG_LEVEL: 'debug' });
    try {
      // From here on nobody reads the pipe: once its buffer (64 KiB) is full, every further log write would block.
      gateway.child.stdout.pause();
      const query = JSON.stringify({ query: '{ processRun(id: "processrun-xyz789") { id name jobs { id } } }' });
      for (let i = 0; i < 300; i += 1) {
        const response = await fetch(`${gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': `stall-${i}-${'x'.repeat(100)}` },
          body: query,
        });
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
      gateway.child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => gateway.child.once('exit', (exitCode) => resolve(exitCode)));
      expect(code).toBe(0);
    } finally {
      if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    }
  });
});
