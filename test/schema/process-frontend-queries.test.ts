import { join } from 'node:path';
import { DEMO_PROCESSES } from '../../src/demo/fixtures';
import { processPages, runLabel, type ProcessesPage } from '../../examples/frontend-queries/processes-list-page';
import { expectNoErrors, postGraphQL, useGateway, type GraphQLTarget } from '../harness';

const PERSISTED_FILE = join(
  __dirname,
  '..',
  '..',
  'examples',
  'frontend-queries',
  'generated',
  'persisted-documents.json',
);

describe('examples/frontend-queries – the processes list page, as a trusted document', () => {
  const t = useGateway({
    env: { PERSISTED_OPERATIONS_FILE: PERSISTED_FILE },
    upstream: (upstream) => upstream.serveProcessList(DEMO_PROCESSES),
  });

  /** The app's transport: sends only the document's hash (trusted documents), never its text. */
  const sendByHash = (gateway: GraphQLTarget) => async (documentId: string, variables: Record<string, unknown>) =>
    expectNoErrors(await postGraphQL<any>(gateway, { documentId, variables }));

  it("pages through every process by hash, 50 a page, with each row's run status", async () => {
    const pages: ProcessesPage[] = [];
    for await (const page of processPages(sendByHash(t.gateway), 50)) pages.push(page);
    expect(pages.map((page) => page.nodes.length)).toEqual([50, 50, 23]);
    const rows = pages.flatMap((page) => page.nodes);
    expect(rows.map((row) => row.id)).toEqual(DEMO_PROCESSES.map((process) => process.id));
    expect(runLabel(rows.find((row) => row.id === 'process-abc123')!)).toBe('RUNNING');
    expect(rows.some((row) => runLabel(row) === 'NOT_STARTED')).toBe(true);
    expect(t.upstream.requests.map((request) => request.query.get('$next'))).toEqual([null, 'tok-50', 'tok-100']);
  });

  it('passes the search text on as the escaped filter', async () => {
    const pages = processPages(sendByHash(t.gateway), 10, "O'Brien");
    await pages.next();
    expect(t.upstream.requests[0]!.query.get('$filter')).toBe("name contains 'O''Brien'");
  });
});
