// Path of the jobRuns write. The process paths are built in process-id.ts, the run paths in process-run-id.ts.
import { processRunPath } from './process-run-id';

export interface JobRunsPlacement {
  parentGroupId?: string;
  relativeSiblingId?: string;
  /** Upstream default: true (insert before the sibling). */
  before?: boolean;
}

/** POST /processRuns/{id}/jobRuns with the placement as query parameters; none set: appended at the end. */
export function jobRunsPath(processRunId: string, placement: JobRunsPlacement): string {
  const query = new URLSearchParams();
  if (placement.parentGroupId !== undefined) query.set('parentGroupId', placement.parentGroupId);
  if (placement.relativeSiblingId !== undefined) query.set('relativeSiblingId', placement.relativeSiblingId);
  if (placement.before !== undefined) query.set('before', String(placement.before));
  const search = query.toString();
  return `${processRunPath(processRunId)}/jobRuns${search ? `?${search}` : ''}`;
}
