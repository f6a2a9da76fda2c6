import type { RequestLoaders } from '../loaders/request-loaders';

/** The request's loaders, as the context holds them (writes sit below resolvers, so not the context type itself). */
export type WriteLoaders = RequestLoaders;

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
export function afterWrite({ loaders }: { loaders: WriteLoaders }, { processRunId, processId }: WrittenTargets): void {
  for (const excludeGeneratedJobs of [false, true]) {
    if (processRunId !== undefined) loaders.processRun.clear({ id: processRunId, excludeGeneratedJobs });
    if (processId !== undefined) loaders.process.clear({ id: processId, excludeGeneratedJobs });
  }
  // A process embeds its current run, and which process a run belongs to is not known here: forget them all.
  if (processId === undefined && processRunId !== undefined) loaders.process.clearAll();
  // Every other loader (a list page, and any read added later) may hold what the write changed: forget it all.
  for (const [name, loader] of Object.entries(loaders))
    if (name !== 'processRun' && name !== 'process') loader.clearAll();
}
