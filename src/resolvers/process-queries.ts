import type { QueryResolvers } from '../generated/resolvers-types';
import { checkArgumentId } from '../validation/ids';
import { toProcessListArguments } from '../validation/process-list-arguments';
import { processParent } from './process-parents';

/** `process` and `processes`: validation, then the per-request loaders; BAD_USER_INPUT never reaches the upstream. */
export const processQueries: Pick<QueryResolvers, 'process' | 'processes'> = {
  process: async (_parent, { id, excludeGeneratedJobs }, { loaders }) => {
    checkArgumentId(id, 'process');
    const exclude = excludeGeneratedJobs ?? false;
    return processParent(await loaders.process.load({ id, excludeGeneratedJobs: exclude }), exclude);
  },
  processes: async (_parent, { first, after, filter, orderBy }, { loaders, cursors }) => {
    const args = toProcessListArguments({ first, filter, orderBy });
    let nextToken: string | null = null;
    if (after !== undefined && after !== null) {
      nextToken = cursors.decode(after, args).nextToken;
      // A cursor of the last page: the list is exhausted, nothing to ask the upstream.
      if (nextToken === null) return connection([], null, false);
    }
    const page = await loaders.processPage.load({ args, nextToken });
    return connection(page.items.map((item) => processParent(item)), cursors.encode(args, page.nextToken), page.nextToken !== null);
  },
};

/** Page granularity: every edge carries the page's cursor (see ProcessEdge.cursor). */
function connection<Node>(nodes: Node[], cursor: string | null, hasNextPage: boolean) {
  return {
    nodes,
    edges: nodes.map((node) => ({ cursor: cursor!, node })),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: nodes.length > 0 ? cursor : null,
      endCursor: nodes.length > 0 || hasNextPage ? cursor : null,
    },
  };
}
