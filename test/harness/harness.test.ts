import { seedProcessRun } from '../../src/demo/fixtures';
import {
  execute,
  expectNoErrors,
  expectOnlyError,
  httpGet,
  json,
  postGraphQL,
  useGateway,
  waitFor,
  withGateway,
} from './index';

describe('test harness', () => {
  const t = useGateway();

  it('execute returns typed data; expectNoErrors hands it back', async () => {
    t.upstream.serveRun(seedProcessRun);
    const data = expectNoErrors(
      await execute<{ processRun: { id: string } }>(
        t.gateway,
        'query { processRun(id: "' + seedProcessRun.id + '") { id } }',
      ),
    );
    expect(data).toEqual({ processRun: { id: seedProcessRun.id } });
  });

  it('expectOnlyError names the operation and the body when the code differs', async () => {
    t.upstream.onAny((_request, response) => json(response, 404, { code: '404', message: 'gone' }));
    const result = await execute(t.gateway, 'query { processRun(id: "run-1") { id } }');
    expect(expectOnlyError(result, 'NOT_FOUND').path).toEqual(['processRun']);
    expect(() => expectOnlyError(result, 'FORBIDDEN')).toThrow(
      /extensions.code FORBIDDEN[\s\S]*processRun\(id: "run-1"\)[\s\S]*NOT_FOUND/,
    );
    expect(() => expectNoErrors(result)).toThrow(/expected data and no errors/);
  });

  it('the fake is reset between tests', () => {
    expect(t.upstream.requests).toEqual([]);
  });

  it('withGateway starts a one-off variant and stops it', async () => {
    const url = await withGateway({ MAX_QUERY_DEPTH: '2' }, async (gateway) => {
      expectOnlyError(
        await execute(gateway, 'query { processRun(id: "run-1") { root { id } } }'),
        'OPERATION_LIMIT_EXCEEDED',
      );
      return gateway.url;
    });
    await expect(httpGet({ url }, '/health')).rejects.toThrow();
  });

  it('execute sends the test token unless a header says otherwise; undefined sends none', async () => {
    t.upstream.serveRun(seedProcessRun);
    const query = '{ processRun(id: "' + seedProcessRun.id + '") { id } }';
    await execute(t.gateway, query);
    await execute(t.gateway, query, undefined, { headers: { authorization: 'Bearer other' } });
    expectOnlyError(
      await execute(t.gateway, query, undefined, { headers: { authorization: undefined } }),
      'UNAUTHENTICATED',
    );
    expect(t.upstream.runRequests.map((request) => request.headers.authorization)).toEqual([
      'Bearer test-secret-token-abc123',
      'Bearer other',
    ]);
  });

  it('postGraphQL sends a body as given and returns the same result type', async () => {
    const result = await postGraphQL(t.gateway, '{"query":"{ __typename }"}');
    expect(expectNoErrors(result)).toEqual({ __typename: 'Query' });
    expect(result.operation).toBe('{"query":"{ __typename }"}');
  });

  it('waitFor polls until the condition holds, and names what it waited for when it gives up', async () => {
    let calls = 0;
    await waitFor(() => ++calls === 3, 'three calls');
    expect(calls).toBe(3);
    await expect(waitFor(() => false, 'nothing', 50)).rejects.toThrow('timed out after 50 ms waiting for nothing');
  });
});

describe('test harness – options', () => {
  describe('per: test', () => {
    const t = useGateway({ per: 'test' });
    const urls: string[] = [];

    it('starts a gateway for the first test', () => {
      urls.push(t.gateway.url);
    });

    it('and a fresh one for the next', () => {
      urls.push(t.gateway.url);
      expect(new Set(urls).size).toBe(2);
    });
  });

  describe('warmUp', () => {
    const t = useGateway({ warmUp: true, upstream: (upstream) => upstream.serveRun(seedProcessRun) });

    it('served one operation before the first test, then left the fake scripted and empty', async () => {
      expect(t.upstream.connectionsOpened).toBeGreaterThanOrEqual(1);
      expect(t.upstream.requests).toEqual([]);
      expect(
        expectNoErrors(await execute(t.gateway, '{ processRun(id: "' + seedProcessRun.id + '") { id } }')),
      ).toEqual({
        processRun: { id: seedProcessRun.id },
      });
    });
  });
});
