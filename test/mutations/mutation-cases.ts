// The five mutations as one table, for suites that run the same scenario on each: the operation (with a variable
// that tells two requests apart), the upstream route it hits, and the upstream's success answer.
import type { ServerResponse } from 'node:http';
import { json } from '../harness';
import { createdJobRun, SEND_TASK_JOB, startedRun, writtenProcess } from './write-fixtures';

export interface MutationCase {
  name: 'runProcess' | 'addJobRuns' | 'createProcess' | 'renameProcessItems' | 'trashProcess';
  document: string;
  /** Variables of the request; `variant` changes one value so the fingerprint differs. */
  variables(variant?: string): Record<string, unknown>;
  method: 'POST' | 'DELETE';
  /** The upstream path for `variables()` (variant absent). */
  path: string;
  succeed(response: ServerResponse): void;
}

export const MUTATION_CASES: MutationCase[] = [
  {
    name: 'runProcess',
    document: `mutation Run($id: ID!) { runProcess(processId: $id) { id status } }`,
    variables: (variant) => ({ id: variant ?? 'process-abc123' }),
    method: 'POST',
    path: '/processes/process-abc123/run',
    succeed: (response) => json(response, 201, startedRun),
  },
  {
    name: 'addJobRuns',
    document: `mutation Add($run: ID!, $jobs: [JobRunInput!]!) { addJobRuns(processRunId: $run, jobs: $jobs) { id ordinal } }`,
    variables: (variant) => ({ run: variant ?? 'processrun-xyz789', jobs: [SEND_TASK_JOB] }),
    method: 'POST',
    path: '/processRuns/processrun-xyz789/jobRuns',
    succeed: (response) => json(response, 201, [createdJobRun]),
  },
  {
    name: 'createProcess',
    document: `mutation Create($input: CreateProcessInput!) { createProcess(input: $input) { id name } }`,
    variables: (variant) => ({
      input: { name: variant ?? 'Annual Review', root: { name: 'Root', children: [{ job: SEND_TASK_JOB }] } },
    }),
    method: 'POST',
    path: '/processes',
    succeed: (response) => json(response, 201, writtenProcess),
  },
  {
    name: 'renameProcessItems',
    document: `mutation Rename($id: ID!) { renameProcessItems(processId: $id, renames: [{ kind: JOB, id: "job-1", newName: "Review Q4" }]) { id } }`,
    variables: (variant) => ({ id: variant ?? 'process-abc123' }),
    method: 'POST',
    path: '/processes/process-abc123/batchUpdates',
    succeed: (response) => json(response, 200, { ...writtenProcess, id: 'process-abc123' }),
  },
  {
    name: 'trashProcess',
    document: `mutation Trash($id: ID!) { trashProcess(processId: $id) }`,
    variables: (variant) => ({ id: variant ?? 'process-abc123' }),
    method: 'DELETE',
    path: '/processes/process-abc123',
    succeed: (response) => {
      response.writeHead(204);
      response.end();
    },
  },
];
