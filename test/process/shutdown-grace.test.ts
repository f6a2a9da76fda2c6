import { spawnGateway } from './support/spawn-gateway';

describe('shutdown – the grace period bounds how long SIGTERM waits', () => {
  it('cuts an operation still running when SHUTDOWN_GRACE_MS runs out, and exits 1 to say so', async () => {
    // demo-timeout never answers, so the operation would otherwise run until UPSTREAM_TIMEOUT_MS (60 s here).
    const gateway = await spawnGateway({ SHUTDOWN_GRACE_MS: '500', UPSTREAM_TIMEOUT_MS: '60000' });
    try {
      const inFlight = fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ processRun(id: "demo-timeout") { id } }' }),
      }).then(
        () => 'answered',
        () => 'connection closed',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(1);
      expect(await inFlight).toBe('connection closed');
      expect(gateway.logs.some((e) => e.msg === 'shutdown forced: grace period ran out')).toBe(true);
    } finally {
      if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    }
  });
});
