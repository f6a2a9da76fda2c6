import type { GatewayContext } from '../server/context';

/** What a write may have changed. */
export interface WrittenTargets {
  processRunId?: string;
  processId?: string;
}

/**
 * Forgets what this request's loaders hold about the written targets, so a read later in the same operation
 * fetches fresh data. Runs after every write attempt, failed ones included: a write with an unknown outcome may
 * have changed the upstream all the same.
 */
export function afterWrite({ loaders }: Pick<GatewayContext, 'loaders'>, { processRunId, processId }: WrittenTargets): void {
  if (processRunId !== undefined) {
    loaders.processRun.clear({ id: processRunId, excludeGeneratedJobs: false });
    loaders.processRun.clear({ id: processRunId, excludeGeneratedJobs: true });
  }
  if (processId !== undefined) {
    // Seam for issue 9's process loader: clear its entries for processId here (and the process's current run, if known).
  }
}
