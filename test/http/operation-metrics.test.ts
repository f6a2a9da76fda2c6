// /metrics labels an operation by the operation that runs (name and type), never by a fragment defined first.
import { seedProcessRun } from '../../src/demo/fixtures';
import { execute, expectNoErrors, scrapeMetrics, useGateway } from '../harness';

// Shaped like the examples' RunJobs: the fragment comes before the operation.
const FRAGMENT_FIRST = `
fragment RunFields on ProcessRun { id jobs { id } }
query RunJobs($id: ID!) { processRun(id: $id) { ...RunFields } }
`;

function countFor(text: string, labels: Record<string, string>): number {
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^graphql_envelop_request\{(.*)\} (\S+)$/.exec(line);
    if (!match) continue;
    const present = match[1]!.split(/,(?=[a-zA-Z_]\w*=")/);
    if (Object.entries(labels).every(([key, value]) => present.includes(`${key}="${value}"`))) total += Number(match[2]);
  }
  return total;
}

describe('/metrics – operation labels', () => {
  const t = useGateway();

  it('a document whose first definition is a fragment is counted under its operation name and type', async () => {
    t.upstream.serveRun(seedProcessRun);
    const before = await scrapeMetrics(t.gateway);
    expectNoErrors(await execute(t.gateway, FRAGMENT_FIRST, { id: seedProcessRun.id }));
    const after = await scrapeMetrics(t.gateway);

    expect(countFor(after, { operationName: 'RunJobs', operationType: 'query' })).toBe(
      countFor(before, { operationName: 'RunJobs', operationType: 'query' }) + 1,
    );
    expect(after).not.toMatch(/operationName="RunFields"/);
    expect(after).not.toMatch(/graphql_envelop_request\{[^}]*operationType="undefined"/);
  });

  it('with several operations, the one named by operationName is the label', async () => {
    t.upstream.serveRun(seedProcessRun);
    const document = `query First { __typename }\nquery Second($id: ID!) { processRun(id: $id) { id } }`;
    const response = await execute(t.gateway, document, { id: seedProcessRun.id }, { operationName: 'Second' });
    expect(response.status).toBe(200);
    expectNoErrors(response);
    const after = await scrapeMetrics(t.gateway);
    expect(countFor(after, { operationName: 'Second', operationType: 'query' })).toBe(1);
    expect(countFor(after, { operationName: 'First' })).toBe(0);
  });
});
