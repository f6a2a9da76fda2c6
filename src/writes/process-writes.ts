import type { UpstreamCallBudget } from '../loaders/upstream-call-budget';
import type { ProcessesClient, UpstreamCall } from '../upstream/processes-client';
import type { UpstreamJobRun, UpstreamProcessRun } from '../upstream/types';
import type { JobRunsPlacement } from '../upstream/write-paths';
import type { UpstreamProcess } from '../upstream/process-types';
import { WriteSequence } from './write-sequence';
import type { UpstreamBatchUpdateItem, UpstreamJobRunCreate, UpstreamProcessCreate } from '../upstream/write-types';

/** The writes one GraphQL request may make. No DataLoader: a write is never deduplicated or cached. */
export interface ProcessWrites {
  /** This request's writes so far (src/writes/write-sequence.ts). */
  readonly sequence: WriteSequence;
  runProcess(processId: string, options: { sendProcessCompleteEmail?: boolean }): Promise<UpstreamProcessRun>;
  addJobRuns(processRunId: string, jobs: UpstreamJobRunCreate[], placement: JobRunsPlacement): Promise<UpstreamJobRun[]>;
  createProcess(process: UpstreamProcessCreate): Promise<UpstreamProcess>;
  batchUpdateProcess(processId: string, items: UpstreamBatchUpdateItem[]): Promise<UpstreamProcess>;
  trashProcess(processId: string): Promise<void>;
}

/** The one client with the caller's credentials; each write takes one call from the request's upstream-call budget. */
export function createProcessWrites(client: ProcessesClient, call: UpstreamCall, budget: UpstreamCallBudget): ProcessWrites {
  return {
    sequence: new WriteSequence(),
    runProcess: (processId, options) => (budget.spend(), client.runProcess(processId, options, call)),
    addJobRuns: (processRunId, jobs, placement) => (budget.spend(), client.addJobRuns(processRunId, jobs, placement, call)),
    createProcess: (process) => (budget.spend(), client.createProcess(process, call)),
    batchUpdateProcess: (processId, items) => (budget.spend(), client.batchUpdateProcess(processId, items, call)),
    trashProcess: (processId) => (budget.spend(), client.trashProcess(processId, call)),
  };
}
