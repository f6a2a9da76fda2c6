import type { UpstreamProcess } from '../upstream/process-types';

/**
 * The parent of every Process field. `upstream` is null when only the id is known and only `id` was asked for
 * (a run's `process` link): then no upstream call was made. `excludeGeneratedJobs` is carried to the run fetch.
 */
export interface ProcessParent {
  id: string;
  upstream: UpstreamProcess | null;
  excludeGeneratedJobs: boolean;
}

export function processParent(upstream: UpstreamProcess, excludeGeneratedJobs = false): ProcessParent {
  return { id: upstream.id, upstream, excludeGeneratedJobs };
}
