import { execute, useBuiltEntryPoint, withSpawnedGateway } from '../harness';

describe('shutdown – a stalled log reader cannot keep the gateway from serving or stopping', () => {
  useBuiltEntryPoint();

  it('keeps answering and exits 0 on SIGTERM while nobody reads its stdout', async () => {
    await withSpawnedGateway({ LOG_LEVEL: 'debug' }, async (gateway) => {
      // From here on nobody reads the pipe: once its buffer (64 KiB) is full, every further log write would block.
      gateway.child.stdout.pause();
      const query = '{ processRun(id: "processrun-xyz789") { id name jobs { id } } }';
      for (let i = 0; i < 300; i += 1) {
        const response = await execute(gateway, query, undefined, {
          headers: { 'x-request-id': `stall-${i}-${'x'.repeat(100)}` },
        });
        expect(response.status).toBe(200);
      }
      gateway.child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) =>
        gateway.child.once('exit', (exitCode) => resolve(exitCode)),
      );
      expect(code).toBe(0);
    });
  });
});
