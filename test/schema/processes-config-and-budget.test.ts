import { parse } from 'graphql';
import { loadConfig } from '../../src/config/config';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { countUpstreamCalls } from '../../src/server/plugins/static-upstream-call-budget';
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
      const same =
        '{ a: process(id: "process-abc123") { id } b: process(id: "process-abc123") { name } c: process(id: "process-abc123", excludeGeneratedJobs: true) { id } }';
      expectNoErrors(await execute(gateway, same));
      expect(gateway.upstream.requests).toHaveLength(2);
      gateway.upstream.requests.length = 0;
      const three = '{ a: process(id: "p1") { id } b: process(id: "p2") { id } c: process(id: "p3") { id } }';
      expectOnlyError(await execute(gateway, three), 'OPERATION_LIMIT_EXCEEDED');
      expect(gateway.upstream.requests).toHaveLength(0);
    });
  });
});

describe('the static upstream-call budget – read from @cost in the SDL', () => {
  it('counts every write of a mutation (writes are never deduped); over HTTP the write budget, at most the call budget, refuses first', async () => {
    const three =
      'mutation { a: trashProcess(processId: "p1") b: trashProcess(processId: "p1") c: trashProcess(processId: "p2") }';
    expect(countUpstreamCalls(buildGatewaySchema(), parse(three), null, {})).toBe(3);
    await withGateway({ MAX_UPSTREAM_CALLS_PER_OPERATION: '2' }, async (gateway) => {
      const error = expectOnlyError(await execute(gateway, three), 'OPERATION_LIMIT_EXCEEDED');
      expect(error.extensions).toMatchObject({ writes: 3, maxWrites: 2 });
      expect(gateway.upstream.requests).toHaveLength(0);
    });
  });

  it('an _entities representation counts as the processRun of its id: both together are one call', async () => {
    await withGateway({ MAX_UPSTREAM_CALLS_PER_OPERATION: '1' }, async (gateway) => {
      const query =
        'query($r: [_Any!]!) { processRun(id: "r1") { id } _entities(representations: $r) { ... on ProcessRun { id } } }';
      const both = await execute(gateway, query, { r: [{ __typename: 'ProcessRun', id: 'r1' }] });
      expect(both.body.errors?.map((error) => error.extensions?.code)).not.toContain('OPERATION_LIMIT_EXCEEDED');
      const calls = gateway.upstream.requests.length;
      const two = await execute(gateway, query, { r: [{ __typename: 'ProcessRun', id: 'r2' }] });
      expectOnlyError(two, 'OPERATION_LIMIT_EXCEEDED');
      expect(gateway.upstream.requests).toHaveLength(calls);
    });
  });
});
