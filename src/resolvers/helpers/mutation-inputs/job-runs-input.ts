import type { JobRunInput, JobRunPlacement } from '../../../generated/resolvers-types';
import type { JobRunsPlacement } from '../../../upstream/write-paths';
import type { UpstreamJobRunCreate } from '../../../upstream/write-types';
import { toUpstreamJobArguments, upstreamAction } from './job-arguments-input';
import { checkCount, checkId, given } from '../../../validation/input-rules';
import { inputRefusal } from '../../../validation/input-refusal';

export const MAX_JOB_RUNS_PER_CALL = 500;

/** `addJobRuns(jobs)` → the upstream body (an array); 1..500 jobs. */
export function toUpstreamJobRuns(jobs: readonly JobRunInput[]): UpstreamJobRunCreate[] {
  checkCount(jobs, 1, MAX_JOB_RUNS_PER_CALL, 'jobs', 'jobs');
  return jobs.map((job, index) => {
    const path = `jobs.${index}`;
    return {
      action: upstreamAction(job.action, `${path}.action`),
      triggerType: 'whenEligible',
      arguments: toUpstreamJobArguments(job.action, job.arguments, path),
    };
  });
}

/** `placement` → the query parameters; `before` only makes sense next to a sibling. */
export function toJobRunsPlacement(placement: JobRunPlacement | null | undefined): JobRunsPlacement {
  const result: JobRunsPlacement = {};
  if (!placement) return result;
  if (given(placement.parentGroupId))
    result.parentGroupId = checkId(placement.parentGroupId, 'placement.parentGroupId');
  if (given(placement.relativeSiblingId))
    result.relativeSiblingId = checkId(placement.relativeSiblingId, 'placement.relativeSiblingId');
  if (given(placement.before)) {
    if (result.relativeSiblingId === undefined)
      throw inputRefusal('placement.before', 'needs placement.relativeSiblingId');
    result.before = placement.before;
  }
  return result;
}
