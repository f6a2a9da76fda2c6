import type { ProcessesClient, UpstreamCall } from '../upstream/processes-client';
import { createProcessLoader } from './process-loader';
import { createProcessPageLoader } from './process-page-loader';
import { createProcessRunLoader } from './process-run-loader';
import type { UpstreamCallBudget } from './upstream-call-budget';

/**
 * Every loader of one GraphQL request, each fetching through the one client with the caller's call facts and
 * taking one call from the request's budget per upstream request. A new read endpoint adds one entry here; the
 * context type, the context factory and the writes' cache clearing follow from it.
 */
export function createRequestLoaders(
  client: ProcessesClient,
  call: UpstreamCall,
  budget: UpstreamCallBudget,
  onBatch?: (size: number) => void,
) {
  return {
    processRun: createProcessRunLoader(async (key) => {
      budget.spend();
      return client.getProcessRun(key.id, key.excludeGeneratedJobs, call);
    }, onBatch),
    process: createProcessLoader(async (key) => {
      budget.spend();
      return client.getProcess(key.id, key.excludeGeneratedJobs, call);
    }, onBatch),
    processPage: createProcessPageLoader(async (key) => {
      budget.spend();
      return client.listProcesses(key.args, key.nextToken, call);
    }, onBatch),
  };
}

export type RequestLoaders = ReturnType<typeof createRequestLoaders>;
