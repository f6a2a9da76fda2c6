// /metrics labels an operation by the operation that runs (name and type), never by a fragment defined first; and
// what each operation series (Yoga's Prometheus plugin, src/observability/metrics.ts) counts, which dashboards rely on.
import { seedProcessRun } from '../../src/demo/fixtures';
import {
  execute,
  expectNoErrors,
  httpGet,
  metricSample,
  metricTotal,
  postGraphQL,
  scrapeMetrics,
  TEST_TOKEN,
  useGateway,
  waitFor,
} from '../harness';

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
    if (Object.entries(labels).every(([key, value]) => present.includes(`${key}="${value}"`)))
      total += Number(match[2]);
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

describe('/metrics – what the operation series count', () => {
  const t = useGateway();
  const http = (labels: Record<string, string>) => metricSample(lastScrape, 'graphql_yoga_http_duration_count', labels);
  const operations = (labels: Record<string, string>) => metricSample(lastScrape, 'graphql_envelop_request', labels);
  const durations = (labels: Record<string, string>) =>
    metricSample(lastScrape, 'graphql_envelop_request_duration_count', labels);
  let lastScrape = '';

  it('an executed query, mutation and GET query: counted, timed, and their HTTP request timed with method and status', async () => {
    t.upstream.serveRun(seedProcessRun);
    expectNoErrors(
      await execute(t.gateway, 'query Seed($id: ID!) { processRun(id: $id) { id } }', { id: seedProcessRun.id }),
    );
    expectNoErrors(await execute(t.gateway, 'mutation M { __typename }'));
    const get = await httpGet(t.gateway, `/graphql?query=${encodeURIComponent('query G { __typename }')}`, {
      'x-graphql-yoga-csrf': '1',
      authorization: TEST_TOKEN,
    });
    expect(get.status).toBe(200);
    lastScrape = await scrapeMetrics(t.gateway);

    expect(operations({ operationName: 'Seed', operationType: 'query' })).toBe(1);
    expect(durations({ operationName: 'Seed', operationType: 'query' })).toBe(1);
    expect(operations({ operationName: 'M', operationType: 'mutation' })).toBe(1);
    expect(http({ method: 'GET', statusCode: '200', operationName: 'G', operationType: 'query' })).toBe(1);
    // The printed label order is part of what a scrape config or a recording rule may match.
    expect(lastScrape).toContain(
      'graphql_yoga_http_duration_count{method="POST",statusCode="200",operationType="query",operationName="Seed"} 1\n',
    );
    expect(lastScrape).toContain('graphql_envelop_request{operationName="Seed",operationType="query"} 1\n');
  });

  it('a document that fails validation is not executed, but its HTTP request is timed; one that does not parse is neither', async () => {
    const timedBefore = metricTotal(await scrapeMetrics(t.gateway), 'graphql_yoga_http_duration_count');
    expect((await postGraphQL(t.gateway, { query: 'query Broken { nope }' })).status).toBe(200);
    expect((await postGraphQL(t.gateway, { query: 'query Unfinished {' })).status).toBe(200);
    expect((await postGraphQL(t.gateway, '{not json')).status).toBe(400);
    lastScrape = await scrapeMetrics(t.gateway);

    expect(operations({ operationName: 'Broken' })).toBe(0);
    expect(http({ method: 'POST', statusCode: '200', operationName: 'Broken', operationType: 'query' })).toBe(1);
    // Of the three requests only the one whose document parsed was timed.
    expect(metricTotal(lastScrape, 'graphql_yoga_http_duration_count') - timedBefore).toBe(1);
  });

  it('a subscription is counted and timed when its stream ends, not when it starts', async () => {
    t.upstream.serveRun(seedProcessRun); // running: the stream stays open until the client leaves
    const leave = new AbortController();
    const response = await fetch(
      `${t.gateway.url}/graphql?query=${encodeURIComponent(`subscription Watch { processRunUpdated(id: "${seedProcessRun.id}") { id } }`)}`,
      {
        headers: { accept: 'text/event-stream', 'x-graphql-yoga-csrf': '1', authorization: TEST_TOKEN },
        signal: leave.signal,
      },
    );
    const reader = response.body!.getReader();
    let received = '';
    while (!received.includes(seedProcessRun.id)) received += new TextDecoder().decode((await reader.read()).value);
    lastScrape = await scrapeMetrics(t.gateway);
    expect(operations({ operationName: 'Watch', operationType: 'subscription' })).toBe(0);

    leave.abort();
    await waitFor(async () => {
      lastScrape = await scrapeMetrics(t.gateway);
      return operations({ operationName: 'Watch', operationType: 'subscription' }) === 1;
    }, 'the subscription counted once its stream ended');
    expect(durations({ operationName: 'Watch', operationType: 'subscription' })).toBe(1);
  });

  it('/metrics answers in the Prometheus text format', async () => {
    const scrape = await httpGet(t.gateway, '/metrics');
    expect(scrape.status).toBe(200);
    expect(scrape.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});
