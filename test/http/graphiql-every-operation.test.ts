// Every operation of every demo GraphiQL tab, sent as GraphiQL sends it (the chosen operation plus the document's
// fragments), answers as its `# expect:` line says (or without errors); then the README's example still answers
// exactly as printed: the tabs' writes act on their own objects, never on the fixtures the README shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRAPHIQL_DEMO_IDS } from '../../src/demo/graphiql-demo-ids';
import { demoTabs } from '../../src/graphiql/demo-tabs';
import { execute, expectNoErrors, expectOnlyError, useDemoGateway } from '../harness';
import { tabOperations } from '../harness/graphiql-operations';

const TABS = demoTabs(GRAPHIQL_DEMO_IDS);
const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The README's "## Example": its GraphQL block and the JSON block printed as its answer. */
function readmeExample(): { query: string; answer: unknown } {
  const section = README.slice(README.indexOf('## Example'));
  const query = /```graphql\n([\s\S]*?)```/.exec(section)![1]!;
  const answer = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!);
  return { query, answer };
}

describe('GraphiQL – every operation of every demo tab, then the README example', () => {
  // A short deadline so the write-outcome-unknown example answers quickly.
  const t = useDemoGateway({ UPSTREAM_TIMEOUT_MS: '1500', UPSTREAM_HEADERS_TIMEOUT_MS: '1500' });

  it('the README example answers as printed before the tabs run', async () => {
    const { query, answer } = readmeExample();
    expect((await execute(t.gateway, query)).body).toEqual(answer);
  });

  it('each operation answers its `# expect:` code or no errors; the mutations act on the process they create', async () => {
    const ran: string[] = [];
    // What the Mutations tab asks the user to paste: ids from the create and start answers.
    const pasted: Record<string, string> = {};
    for (const tab of TABS) {
      for (const operation of tabOperations(tab.query)) {
        // Subscriptions run over SSE: the browser live suite and test/live cover them.
        if (operation.kind === 'subscription') continue;
        const variables = { ...(tab.variables ? JSON.parse(tab.variables) : {}), ...pasted };
        const result = await execute(t.gateway, operation.document, variables, { operationName: operation.name });
        if (operation.expect) expectOnlyError(result, operation.expect);
        else {
          const data = expectNoErrors(result) as Record<string, any>;
          if (data.createProcess)
            Object.assign(pasted, { processId: data.createProcess.id, jobId: data.createProcess.jobs[0].id });
          if (data.runProcess) pasted.processRunId = data.runProcess.id;
        }
        ran.push(operation.name);
      }
    }
    expect(ran).toEqual(
      expect.arrayContaining([
        'Trees',
        'NestedTree',
        'Jobs',
        'WithoutGenerated',
        'Errors',
        'Processes',
        'ProcessTreeAndRun',
        'Mutations',
        'RenameJob',
        'StartRun',
        'AddTask',
        'TrashProcess',
        'WriteConflict',
      ]),
    );
    expect(pasted.processId).toMatch(/^process-demo-/);
  }, 60_000);

  it('the README example still answers exactly as printed after every tab ran', async () => {
    const { query, answer } = readmeExample();
    expect((await execute(t.gateway, query)).body).toEqual(answer);
  });

  it('in reverse order, with the variables as served (nothing pasted), every operation leaves the README example as printed', async () => {
    for (const tab of [...TABS].reverse()) {
      for (const operation of tabOperations(tab.query).reverse()) {
        if (operation.kind === 'subscription') continue;
        const response = await execute(
          t.gateway,
          operation.document,
          tab.variables ? JSON.parse(tab.variables) : undefined,
          { operationName: operation.name },
        );
        expect(response.status).toBeLessThan(500);
      }
    }
    const { query, answer } = readmeExample();
    expect((await execute(t.gateway, query)).body).toEqual(answer);
  }, 60_000);
});
