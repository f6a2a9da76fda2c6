import { request } from 'node:http';
import { execute, httpGet, useBuiltEntryPoint, waitFor, withSpawnedGateway, type SpawnedGateway } from '../harness';

/** A GET on a connection of its own (no keep-alive pool): the listener must still accept new connections. */
function getOnNewConnection(gateway: SpawnedGateway, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${gateway.url}${path}`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('shutdown – SHUTDOWN_DELAY_MS keeps serving, not ready, before the drain', () => {
  useBuiltEntryPoint();

  it('answers requests (also on new connections) during the delay while /ready is 503 throughout', async () => {
    // A delay far longer than the test: every request below is surely inside it; the gateway is killed afterwards.
    await withSpawnedGateway({ SHUTDOWN_DELAY_MS: '600000' }, async (gateway) => {
      expect((await httpGet(gateway, '/ready')).status).toBe(200);
      gateway.child.kill('SIGTERM');
      await waitFor(
        () => gateway.logs.some((e) => e.msg === 'shutdown: /ready is 503, still serving until the delay ends'),
        'the delay to begin',
      );
      for (let round = 0; round < 3; round += 1) {
        const ready = await httpGet(gateway, '/ready');
        expect({ status: ready.status, body: JSON.parse(ready.text) }).toEqual({
          status: 503,
          body: { ready: false, reason: 'shutting down' },
        });
        expect(await getOnNewConnection(gateway, '/ready')).toBe(503);
        expect(await getOnNewConnection(gateway, '/health')).toBe(200);
        const answer = await execute(gateway, '{ processRun(id: "processrun-xyz789") { id } }');
        expect({ status: answer.status, body: answer.body }).toEqual({
          status: 200,
          body: { data: { processRun: { id: 'processrun-xyz789' } } },
        });
      }
      expect(gateway.child.exitCode).toBeNull();
      expect(gateway.logs.some((e) => e.msg === 'shutdown: delay over, draining')).toBe(false);
    });
  });

  it('drains and exits 0 once the delay is over', async () => {
    await withSpawnedGateway({ SHUTDOWN_DELAY_MS: '200' }, async (gateway) => {
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
      const messages = gateway.logs.map((e) => e.msg as string);
      const order = [
        'shutdown: /ready is 503, still serving until the delay ends',
        'shutdown: delay over, draining',
        'shutdown complete',
      ].map((m) => messages.indexOf(m));
      expect(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]!))).toBe(true);
    });
  });
});
