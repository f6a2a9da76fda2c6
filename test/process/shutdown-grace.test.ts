import { execute, useBuiltEntryPoint, waitFor, withSpawnedGateway } from '../harness';

describe('shutdown – the grace period bounds how long SIGTERM waits', () => {
  useBuiltEntryPoint();

  it('cuts an operation still running when SHUTDOWN_GRACE_MS runs out, and exits 1 to say so', async () => {
    // demo-timeout never answers, so the operation would otherwise run until UPSTREAM_TIMEOUT_MS (60 s here).
    // LOG_LEVEL=debug so the test can see the gateway take the operation in before it sends SIGTERM.
    await withSpawnedGateway(
      { SHUTDOWN_GRACE_MS: '500', UPSTREAM_TIMEOUT_MS: '60000', LOG_LEVEL: 'debug' },
      async (gateway) => {
        const inFlight = execute(gateway, '{ processRun(id: "demo-timeout") { id } }').then(
          () => 'answered',
          () => 'connection closed',
        );
        // In flight once Yoga is executing it: waiting for that log line replaces a guessed sleep.
        await waitFor(
          () => gateway.logs.some((e) => e.msg === 'yoga' && String(e.yoga).includes('Processing GraphQL Parameters')),
          'the gateway to start executing the operation',
        );
        gateway.child.kill('SIGTERM');
        expect(await gateway.exited).toBe(1);
        expect(await inFlight).toBe('connection closed');
        expect(gateway.logs.some((e) => e.msg === 'shutdown forced: grace period ran out')).toBe(true);
      },
    );
  });
});
