import { seedProcessRun } from '../../src/demo/fixtures';
import { execute, expectNoErrors, expectOnlyError, json, useGateway, withGateway } from './index';

describe('test harness', () => {
  const t = useGateway();

  it('execute returns typed data; expectNoErrors hands it back', async () => {
    t.upstream.serveRun(seedProcessRun);
    const data = expectNoErrors(await execute<{ processRun: { id: string } }>(t.gateway, 'query { processRun(id: "' + seedProcessRun.id + '") { id } }'));
    expect(data).toEqual({ processRun: { id: seedProcessRun.id } });
  });

  it('expectOnlyError names the operation and the body when the code differs', async () => {
    t.upstream.onAny((_request, response) => json(response, 404, { code: '404', message: 'gone' }));
    const result = await execute(t.gateway, 'query { processRun(id: "run-1") { id } }');
    expect(expectOnlyError(result, 'NOT_FOUND').path).toEqual(['processRun']);
    expect(() => expectOnlyError(result, 'FORBIDDEN')).toThrow(/extensions.code FORBIDDEN[\s\S]*processRun\(id: "run-1"\)[\s\S]*NOT_FOUND/);
    expect(() => expectNoErrors(result)).toThrow(/expected data and no errors/);
  });

  it('the fake is reset between tests', () => {
    expect(t.upstream.requests).toEqual([]);
  });

  it('withGateway starts a one-off variant and stops it', async () => {
    const url = await withGateway({ MAX_QUERY_DEPTH: '2' }, async (gateway) => {
      expectOnlyError(await execute(gateway, 'query { processRun(id: "run-1") { root { id } } }'), 'OPERATION_LIMIT_EXCEEDED');
      return gateway.url;
    });
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
