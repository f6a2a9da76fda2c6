// How a processes list page pages with the typed document: send `first` (and the search text) with the
// previous page's `endCursor` as `after`; the same `first`/`nameContains` for every page, or the cursor is refused.
import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { ProcessesListPageQuery } from './operations/processes-list';

export type ProcessesPage = ResultOf<typeof ProcessesListPageQuery>['processes'];
export type ProcessRow = ProcessesPage['nodes'][number];

/**
 * Sends one page request; `send` is the app's GraphQL transport (fetch, urql, Apollo Client ...). It gets the
 * document's trusted-documents hash (the client preset puts it in `__meta__.hash`), so only the hash travels.
 */
export type Send = (
  documentId: string,
  variables: VariablesOf<typeof ProcessesListPageQuery>,
) => Promise<ResultOf<typeof ProcessesListPageQuery>>;

/** Every page of the list in order, for infinite scrolling; stops after the page whose hasNextPage is false. */
export async function* processPages(
  send: Send,
  first: number,
  nameContains: string | null = null,
): AsyncGenerator<ProcessesPage> {
  const documentId = (ProcessesListPageQuery as unknown as { __meta__: { hash: string } }).__meta__.hash;
  let after: string | null = null;
  do {
    const { processes }: ResultOf<typeof ProcessesListPageQuery> = await send(documentId, {
      first,
      after,
      nameContains,
    });
    yield processes;
    after = processes.pageInfo.hasNextPage ? (processes.pageInfo.endCursor ?? null) : null;
  } while (after !== null);
}

/** What a row shows for its run: never started, or the run's status. */
export function runLabel(row: ProcessRow): string {
  return row.run ? row.run.status : 'NOT_STARTED';
}
