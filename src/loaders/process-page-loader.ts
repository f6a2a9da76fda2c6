import DataLoader from 'dataloader';
import { toGraphQLError } from '../errors/map-upstream-failure';
import { processListPath } from '../upstream/process-list-query';
import type { ProcessListArguments } from '../validation/process-list-arguments';
import type { UpstreamProcessPage } from '../upstream/process-types';

export interface ProcessPageKey {
  args: ProcessListArguments;
  /** The upstream `$next` token; null for the first page. */
  nextToken: string | null;
}

export type ProcessPageLoader = DataLoader<ProcessPageKey, UpstreamProcessPage, string>;

/** Two loads are the same `GET /processes` call exactly when they would send the same path and query. */
export function processPageCacheKey({ args, nextToken }: ProcessPageKey): string {
  return processListPath(args, nextToken);
}

export type FetchProcessPage = (key: ProcessPageKey) => Promise<UpstreamProcessPage>;

/** One per GraphQL request: aliases asking for the same page cost one upstream call. */
export function createProcessPageLoader(
  fetchPage: FetchProcessPage,
  onBatch?: (size: number) => void,
): ProcessPageLoader {
  return new DataLoader<ProcessPageKey, UpstreamProcessPage, string>(
    (keys) => {
      onBatch?.(keys.length);
      return Promise.all(keys.map((key) => fetchPage(key).catch((error) => toGraphQLError(error, 'process list'))));
    },
    { cacheKeyFn: processPageCacheKey },
  );
}
