import type { RenameInput } from '../../../generated/resolvers-types';
import type { UpstreamBatchUpdateItem } from '../../../upstream/write-types';
import { checkCount, checkId, checkName } from '../../../validation/input-rules';

/** The upstream accepts 0..3000 items; an empty rename is refused here as a mistake. */
export const MAX_RENAMES_PER_CALL = 3000;

/** `renames` → the batchUpdates items, in the documented nested form. */
export function toUpstreamBatchUpdates(renames: readonly RenameInput[]): UpstreamBatchUpdateItem[] {
  checkCount(renames, 1, MAX_RENAMES_PER_CALL, 'renames', 'renames');
  return renames.map(({ kind, id, newName }, index) => {
    const update = { id: checkId(id, `renames.${index}.id`), newName: checkName(newName, `renames.${index}.newName`) };
    return kind === 'JOB' ? { type: 'jobName', jobNameUpdate: update } : { type: 'groupName', groupNameUpdate: update };
  });
}
