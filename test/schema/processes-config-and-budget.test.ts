import { loadConfig } from '../../src/config/config';
import { seedProcess } from '../../src/demo/fixtures';
import { execute, expectNoErrors, expectOnlyError, withGateway } from '../harness';

describe('CURSOR_SECRET', () => {
  it('is optional (a random key per process) and, when set, at least 32 characters', () => {
    expect(loadConfig({}).cursorSecret).toBeNull();
    expect(loadConfig({ CURSOR_SECRET: 'x'.repeat(32) }).cursorSecret).toEqual(['x'.repeat(32)]);
    expect(() => loadConfig({ CURSOR_SECRET: 'short' })).toThrow(/CURSOR_SECRET.*at least 32 characters/);
  });
});

describe('process – the static upstream-call budget', () => {
  it('counts distinct process(id, excludeGeneratedJobs) keys: aliases of one key are one call', async () => {
    await withGateway({ MAX_UPSTREAM_CALLS_PER_OPERATION: '2' }, async (gateway) => {
      gateway.upstream.serveProcess(seedProcess);
      const same = '{ a: process(id: "process-abc123") { id } b: process(id: "process-abc123") { name } c: process(id: "process-abc123", excludeGeneratedJobs: true) { id } }';
      expectNoErrors(await execute(gateway, same));
      expect(gateway.upstream.requests).toHaveLength(2);
      gateway.upstream.requests.length = 0;
      const three = '{ a: process(id: "p1") { id } b: process(id: "p2") { id } c: process(id: "p3") { id } }';
      expectOnlyError(await execute(gateway, three), 'OPERATION_LIMIT_EXCEEDED');
      expect(gateway.upstream.requests).toHaveLength(0);
    });
  });
});
