// @defer with Apollo Client 4 over multipart/mixed: the run's header first, its tree in a later part, and no upstream
// call more than the same query without @defer (deferred fragments read through the request's loaders).
import { gql, type DocumentNode } from '@apollo/client';
import { seedProcess, seedProcessRun } from '../../src/demo/fixtures';
import { TEST_TOKEN } from '../harness/gateway';
import { useGateway } from '../harness';
import { apolloClient } from './apollo-client';

const RUN_PAGE = gql`
  query RunPage($id: ID!) {
    processRun(id: $id) {
      id
      name
      status
      ... @defer(label: "tree") {
        root {
          id
          name
          children {
            ... on JobRun {
              id
              status
            }
            ... on GroupRun {
              id
              name
            }
          }
        }
        jobs {
          id
          status
        }
      }
    }
  }
`;
const VARIABLES = { id: 'processrun-xyz789' };

/** Every result Apollo Client hands the page while the query streams in, until it is complete. */
async function emissions(url: string, query: DocumentNode): Promise<{ results: any[]; contentTypes: string[] }> {
  const { client, wire } = apolloClient(url);
  const results: any[] = [];
  await new Promise<void>((resolve, reject) => {
    const subscription = client.watchQuery({ query, variables: VARIABLES, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        if (result.error) return reject(result.error);
        if (result.data === undefined) return;
        results.push({ dataState: result.dataState, data: result.data });
        if (result.dataState === 'complete') {
          subscription.unsubscribe();
          resolve();
        }
      },
      error: reject,
    });
  });
  return { results, contentTypes: wire.map((exchange) => exchange.contentType ?? '') };
}

describe('@defer – Apollo Client on a run page', () => {
  const t = useGateway({ upstream: (upstream) => upstream.serveRun(seedProcessRun).serveProcess(seedProcess) });

  it('the header arrives first without the tree, the tree in a later part; one upstream call in all', async () => {
    const { results, contentTypes } = await emissions(t.gateway.url, RUN_PAGE);
    expect(contentTypes).toEqual([expect.stringContaining('multipart/mixed')]);
    expect(results.length).toBeGreaterThanOrEqual(2);
    const first = results[0]!;
    expect(first.dataState).toBe('streaming');
    expect(first.data.processRun).toEqual({
      __typename: 'ProcessRun',
      id: 'processrun-xyz789',
      name: seedProcessRun.name,
      status: expect.any(String),
    });
    const last = results.at(-1)!;
    expect(last.dataState).toBe('complete');
    expect(last.data.processRun.root.id).toBe(seedProcessRun.root.id);
    expect(last.data.processRun.jobs.length).toBeGreaterThan(0);
    expect(t.upstream.requests.map((request) => request.path)).toEqual(['/processRuns/processrun-xyz789']);
  });

  it('a deferred fragment costs no upstream call more than the same query without @defer', async () => {
    const withProcess = (defer: boolean) => gql`
      query RunWithProcess($id: ID!) {
        processRun(id: $id) {
          id
          process { id name }
          ... ${defer ? '@defer' : ''} {
            name
            process { name dueDate }
            jobs { id }
          }
        }
      }
    `;
    const plain = await emissions(t.gateway.url, withProcess(false));
    const plainCalls = t.upstream.requests.map((request) => request.path).sort();
    t.upstream.requests.length = 0;
    const deferred = await emissions(t.gateway.url, withProcess(true));
    const deferredCalls = t.upstream.requests.map((request) => request.path).sort();
    expect(deferredCalls).toEqual(plainCalls);
    expect(deferredCalls).toEqual(['/processRuns/processrun-xyz789', '/processes/process-abc123']);
    expect(deferred.results.at(-1)!.data).toEqual(plain.results.at(-1)!.data);
    expect(deferred.contentTypes).toEqual([expect.stringContaining('multipart/mixed')]);
  });

  it('@stream on processes.nodes: the first item in the first part, the rest as incremental items', async () => {
    t.upstream.serveProcessList([
      seedProcess,
      { ...seedProcess, id: 'process-2' },
      { ...seedProcess, id: 'process-3' },
    ]);
    const response = await fetch(`${t.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed', authorization: TEST_TOKEN },
      body: JSON.stringify({ query: '{ processes(first: 10) { nodes @stream(initialCount: 1) { id } } }' }),
    });
    expect(response.headers.get('content-type')).toContain('multipart/mixed');
    const text = await response.text();
    const parts = text
      .split(/\r?\n---/)
      .map((part) => part.slice(part.indexOf('{')))
      .filter((part) => part.startsWith('{'))
      .map((part) => JSON.parse(part.slice(0, part.lastIndexOf('}') + 1)));
    expect(parts[0]).toEqual({ data: { processes: { nodes: [{ id: seedProcess.id }] } }, hasNext: true });
    const streamed = parts
      .slice(1)
      .flatMap((part) => (part.incremental ?? []).flatMap((item: { items?: unknown[] }) => item.items ?? []));
    expect(streamed).toEqual([{ id: 'process-2' }, { id: 'process-3' }]);
    expect(parts.at(-1)!.hasNext).toBe(false);
    expect(t.upstream.requests.filter((request) => request.path === '/processes')).toHaveLength(1);
  });
});

describe('@defer – the limits and the execution paths', () => {
  const t = useGateway({
    env: { MAX_UPSTREAM_CALLS_PER_OPERATION: '2' },
    upstream: (upstream) => upstream.serveRun(seedProcessRun),
  });
  const post = (query: string) =>
    fetch(`${t.gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'multipart/mixed, application/json',
        authorization: TEST_TOKEN,
      },
      body: JSON.stringify({ query }),
    });

  it('fields inside @defer count against the upstream-call budget: refused whole, before any call', async () => {
    const response = await post(
      '{ a: processRun(id: "r1") { id } ... @defer { b: processRun(id: "r2") { id } c: processRun(id: "r3") { id } } }',
    );
    const text = await response.text();
    expect(text).toContain('"code":"OPERATION_LIMIT_EXCEEDED"');
    expect(t.upstream.requests).toHaveLength(0);
  });

  it('a @defer operation never takes the graphql-jit fast path, however often it runs', async () => {
    const stats = t.gateway.app.fastPath!;
    const before = { ...stats.answered };
    for (let run = 0; run < 5; run++) {
      const text = await (await post('{ processRun(id: "processrun-xyz789") { id ... @defer { name } } }')).text();
      expect(text).toContain(`"name":${JSON.stringify(seedProcessRun.name)}`);
    }
    expect(stats.answered).toEqual(before);
  });
});
