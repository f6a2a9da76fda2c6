import DataLoader from 'dataloader';
import { toGraphQLError } from '../errors/map-upstream-failure';
import type { UpstreamProcess } from '../upstream/process-types';

export interface ProcessKey {
  id: string;
  excludeGeneratedJobs: boolean;
}

export type ProcessLoader = DataLoader<ProcessKey, UpstreamProcess, string>;

/** What makes two loads the same `GET /processes/{id}` call. The static call budget counts with the same key. */
export function processCacheKey({ id, excludeGeneratedJobs }: ProcessKey): string {
  return `${excludeGeneratedJobs ? 'x' : 'a'}:${id}`;
}

export type FetchProcess = (key: ProcessKey) => Promise<UpstreamProcess>;

/**
 * One per GraphQL request. `process(id)`, a run's `process` link and `_entities` Process representations of
 * the same key cost one upstream call; a failure is cached for the request only, mapped to its GraphQL error.
 */
export function createProcessLoader(fetchProcess: FetchProcess, onBatch?: (size: number) => void): ProcessLoader {
  return new DataLoader<ProcessKey, UpstreamProcess, string>(
    (keys) => {
      onBatch?.(keys.length);
      return Promise.all(keys.map((key) => fetchProcess(key).catch((error) => toGraphQLError(error, 'process'))));
    },
    { cacheKeyFn: processCacheKey },
  );
}
