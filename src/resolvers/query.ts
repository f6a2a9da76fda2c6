import type { QueryResolvers } from '../generated/resolvers-types';
import { checkArgumentId } from '../validation/ids';
import { toProcessListArguments } from '../validation/process-list-arguments';
import { processConnection } from './helpers/process-connection';
import { processParent } from './process-parents';

// The root fields: validation first (BAD_USER_INPUT never reaches the upstream), then the per-request loaders.
export const Query: QueryResolvers = {
  processRun: (_parent, { id, excludeGeneratedJobs }, { loaders }) => {
    checkArgumentId(id, 'process run');
    return loaders.processRun.load({ id, excludeGeneratedJobs: excludeGeneratedJobs ?? false });
  },
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
      if (nextToken === null) return processConnection([], null, false);
    }
    const page = await loaders.processPage.load({ args, nextToken });
    return processConnection(
      page.items.map((item) => processParent(item)),
      cursors.encode(args, page.nextToken),
      page.nextToken !== null,
    );
  },
};
