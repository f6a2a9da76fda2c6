// Upstream answers the mutation suites serve: the seed run as a fresh run, created JobRuns, a Process.
import { seedProcessRun } from '../../src/demo/fixtures';
import type { UpstreamJobRun } from '../../src/upstream/types';
import type { RecordedRequest } from '../harness';

export const startedRun = {
  ...seedProcessRun,
  id: 'processrun-new-001',
  process: 'process-abc123',
  status: 'waiting',
  revision: 1,
};

export const createdJobRun: UpstreamJobRun = {
  id: 'jobrun-new-001',
  job: 'job-template-new-001',
  ordinal: 3,
  readOnly: false,
  status: 'waiting',
  action: 'sendTask',
  actionStatus: 'Waiting',
  arguments: {
    type: 'sendTask',
    sendTaskArgs: { assignee: { id: 'user123', type: 'user' }, dueDate: '2024-12-15', title: 'Review the draft' },
  },
};

export const writtenProcess = {
  id: 'process-new-001',
  name: 'Annual Performance Review Process',
  root: { name: 'Root', parallel: false, readOnly: false, triggerType: 'whenEligible', children: [] },
};

/** What the gateway sent, in one comparable object. */
export function sent(request: RecordedRequest | undefined): {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
} {
  if (!request) throw new Error('the upstream got no request');
  return {
    method: request.method,
    path: request.path,
    query: Object.fromEntries(request.query),
    body: request.body === undefined || request.body === '' ? undefined : JSON.parse(request.body),
  };
}

export const SEND_TASK_JOB = {
  action: 'SEND_TASK',
  arguments: { sendTask: { title: 'Review the draft', assignee: 'user123', dueDate: '2024-12-15' } },
};
