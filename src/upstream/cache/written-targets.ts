/** What an upstream write may have changed, for invalidation. */
export interface WrittenTargets {
  processRunId?: string;
  processId?: string;
}
