import { MUTATION_TABS } from '../../src/server/graphiql-mutation-tabs';
import { PROCESS_TABS } from '../../src/server/graphiql-process-tabs';
import { GRAPHIQL_TABS } from '../../src/server/graphiql-tabs';
import type { RunningGateway } from '../../src/server/start-gateway';
import { postGraphQL, startDemoGateway } from '../fixtures/demo-gateway';

describe('GraphiQL – the processes tabs on the demo gateway', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startDemoGateway();
  });
  afterAll(async () => {
    await gateway.shutdown();
  });

  it('are offered after the run and error tabs, before the mutation tabs', () => {
    expect(GRAPHIQL_TABS.slice(-PROCESS_TABS.length - MUTATION_TABS.length, -MUTATION_TABS.length)).toEqual(PROCESS_TABS);
  });

  it('answer without errors, and the page tab continues with the list tab\'s cursor', async () => {
    const answers = [];
    for (const tab of PROCESS_TABS) {
      const response = await postGraphQL(gateway.url, { query: tab.query, variables: tab.variables ? JSON.parse(tab.variables) : undefined });
      expect({ query: tab.query.split('\n')[1], errors: response.body.errors }).toEqual({ query: tab.query.split('\n')[1], errors: undefined });
      answers.push(response.body.data);
    }
    const [list, page, byName, tree] = answers;
    expect(list.processes.nodes).toHaveLength(20);
    expect(page.processes.pageInfo.hasNextPage).toBe(true);
    expect(byName.processes.nodes.every((node: { name: string }) => node.name.includes("O'Brien"))).toBe(true);
    expect(tree.process.run.id).toBe('processrun-nested-001');
    expect(tree.process.root.children.map((child: { __typename: string }) => child.__typename)).toEqual(['Group', 'Group']);
    const second = await postGraphQL(gateway.url, {
      query: PROCESS_TABS[1]!.query,
      variables: { first: 50, after: page.processes.pageInfo.endCursor },
    });
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data.processes.edges[0].node.id).not.toBe(page.processes.edges[0].node.id);
  });
});
