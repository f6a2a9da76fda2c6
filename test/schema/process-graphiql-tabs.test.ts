import { GRAPHIQL_DEMO_IDS } from '../../src/demo/graphiql-demo-ids';
import { demoTabs } from '../../src/graphiql/demo-tabs';
import { mutationsTab } from '../../src/graphiql/mutations-tab';
import { processesTab, processOperations } from '../../src/graphiql/processes-tab';
import { execute, expectNoErrors, useDemoGateway } from '../harness';
import { tabOperations } from '../harness/graphiql-operations';

const GRAPHIQL_TABS = demoTabs(GRAPHIQL_DEMO_IDS);
const PROCESS_OPERATIONS = processOperations(GRAPHIQL_DEMO_IDS);
const PROCESSES_TAB = processesTab(GRAPHIQL_DEMO_IDS);
const MUTATIONS_TAB = mutationsTab(GRAPHIQL_DEMO_IDS);

const operationNameOf = (query: string): string => /query (\w+)/.exec(query)![1]!;

describe('GraphiQL – the processes tab on the demo gateway', () => {
  const t = useDemoGateway();

  it('is offered after the run and error tabs, before the mutations tab, holding every processes operation', () => {
    expect(GRAPHIQL_TABS.slice(-2)).toEqual([PROCESSES_TAB, MUTATIONS_TAB]);
    for (const operation of PROCESS_OPERATIONS) expect(PROCESSES_TAB.query).toContain(operation.query.trim());
  });

  it('each operation answers without errors as GraphiQL sends it (the operation with the fragments of the document, the variables of the tab)', async () => {
    const variables = JSON.parse(PROCESSES_TAB.variables!);
    const answers = [];
    for (const operation of PROCESS_OPERATIONS) {
      const operationName = operationNameOf(operation.query);
      const sent = tabOperations(PROCESSES_TAB.query).find((candidate) => candidate.name === operationName)!;
      const response = await execute(t.gateway, sent.document, variables, { operationName });
      expect({ operationName, errors: response.body.errors }).toEqual({ operationName, errors: undefined });
      answers.push(response.body.data!);
    }
    const [list, page, byName, tree] = answers as [any, any, any, any];
    expect(list.processes.nodes).toHaveLength(20);
    expect(page.processes.pageInfo.hasNextPage).toBe(true);
    expect(byName.processes.nodes.every((node: { name: string }) => node.name.includes("O'Brien"))).toBe(true);
    expect(tree.process.run.id).toBe('processrun-nested-001');
    expect(tree.process.root.children.map((child: { __typename: string }) => child.__typename)).toEqual([
      'ProcessGroup',
      'ProcessGroup',
    ]);
    const second = expectNoErrors(
      await execute(t.gateway, PROCESS_OPERATIONS[1]!.query, { first: 50, after: page.processes.pageInfo.endCursor }),
    );
    expect(second.processes.edges[0].node.id).not.toBe(page.processes.edges[0].node.id);
  });
});
