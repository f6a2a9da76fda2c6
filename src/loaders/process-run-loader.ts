import DataLoader from 'dataloader';
import { toGraphQLError } from '../errors/map-upstream-failure';
import type { UpstreamProcessRun } from '../upstream/types';

export interface ProcessRunKey {
  id: string;
  excludeGeneratedJobs: boolean;
}

export type ProcessRunLoader = DataLoader<ProcessRunKey, UpstreamProcessRun, string>;

/** What makes two loads the same upstream call. The static call budget counts with the same key. */
export function processRunCacheKey({ id, excludeGeneratedJobs }: ProcessRunKey): string {
  return `${excludeGeneratedJobs ? 'x' : 'a'}:${id}`;
}

export type FetchProcessRun = (key: ProcessRunKey) => Promise<UpstreamProcessRun>;

/**
 * One per GraphQL request (never shared: callers differ in credentials). Aliases and `_entities`
 * representations of the same (id, excludeGeneratedJobs) cost one upstream call; distinct keys go out concurrently.
 * A failure is cached for the request only, already mapped to its GraphQL error.
 */
export function createProcessRunLoader(fetchRun: FetchProcessRun, onBatch?: (size: number) => void): ProcessRunLoader {
  return new DataLoader<ProcessRunKey, UpstreamProcessRun, string>(
    (keys) => {
      onBatch?.(keys.length);
      return Promise.all(keys.map((key) => fetchRun(key).catch(toGraphQLError)));
    },
    { cacheKeyFn: processRunCacheKey },
  );
}
