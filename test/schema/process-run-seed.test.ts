import { seedProcessRun } from '../../src/demo/fixtures';
import { FullDocument, RunIdDocument } from '../generated/graphql';
import { execute, expectNoErrors, TEST_TOKEN, useGateway } from '../harness';

describe('processRun – the documentation seed run, field by field', () => {
  const t = useGateway();
  beforeEach(() => t.upstream.serveRun(seedProcessRun));

  it('serves every field of the seed run exactly', async () => {
    const response = await execute(t.gateway, FullDocument, { id: 'processrun-xyz789' });
    expect(response.status).toBe(200);
    expect(expectNoErrors(response)).toEqual({
      processRun: {
        id: 'processrun-xyz789',
        name: 'Q4 2024 Financial Close',
        status: 'RUNNING',
        revision: 5,
        process: { id: 'process-abc123' },
        dueDate: '2024-12-31',
        autoClose: true,
        certAutoApprove: true,
        relativeDates: false,
        ipmBetaEnabled: false,
        iwmOptOut: false,
        businessDaysOfWeek: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
        created: { dateTime: '2024-10-30T15:03:27Z', user: { id: 'V1ZVd2VyFzU3NiQ1NDA4NjIzNzk2MjD' } },
        modified: { dateTime: '2024-10-30T15:03:27Z', user: { id: 'V1ZVd2VyFzU3NiQ1NDA4NjIzNzk2MjD' } },
        statusCounts: [
          { status: 'COMPLETED', upstreamStatus: 'Completed', count: 1 },
          { status: 'RUNNING', upstreamStatus: 'Running', count: 1 },
          { status: 'WAITING', upstreamStatus: 'Waiting', count: 1 },
        ],
        root: {
          id: 'grouprun-root123',
          name: 'Main Workflow',
          parallel: false,
          readOnly: false,
          status: 'RUNNING',
          active: null,
          ordinal: null,
          parent: null,
          revision: null,
          triggerType: null,
          statusCounts: null,
          children: [
            {
              __typename: 'JobRun',
              id: 'jobrun-001',
              job: 'job-template-001',
              ordinal: 0,
              readOnly: false,
              status: 'COMPLETE',
              action: 'SEND_TASK',
              actionStatus: 'COMPLETED',
              arguments: {
                __typename: 'SendTaskArguments',
                assignee: { __typename: 'User', id: 'user-abc123' },
                document: { id: 'doc-xyz789' },
                title: 'Review Q4 financial report',
                raw: {
                  assignee: { id: 'user-abc123', type: 'user' },
                  document: 'doc-xyz789',
                  title: 'Review Q4 financial report',
                },
              },
              metadata: {
                __typename: 'SendTaskMetadata',
                cancelCleanupComplete: false,
                permalink: 'https://app.wdesk.com/a/abc123/tasks/task-001',
                status: 'COMPLETED',
                task: { id: 'task-001' },
                taskCancelled: false,
                taskCancelledNotificationSent: false,
                raw: {
                  cancelCleanupComplete: false,
                  permalink: 'https://app.wdesk.com/a/abc123/tasks/task-001',
                  status: 'Completed',
                  task: 'task-001',
                  taskCancelled: false,
                  taskCancelledNotificationSent: false,
                },
              },
            },
            {
              __typename: 'JobRun',
              id: 'jobrun-002',
              job: 'job-template-002',
              ordinal: 1,
              readOnly: false,
              status: 'WAITING',
              action: 'CONTENT_REQUEST',
              actionStatus: 'WAITING',
              arguments: {
                __typename: 'ContentRequestArguments',
                assignee: { __typename: 'User', id: 'user-abc123' },
                approver: { __typename: 'User', id: 'manager-ghi789' },
                document: { id: 'doc-balance123' },
                title: 'Update balance sheet',
                raw: {
                  approver: { id: 'manager-ghi789', type: 'user' },
                  assignee: { id: 'user-abc123', type: 'user' },
                  document: 'doc-balance123',
                  title: 'Update balance sheet',
                },
              },
              metadata: {
                __typename: 'ContentRequestMetadata',
                cancelCleanupComplete: false,
                permalink: 'https://app.wdesk.com/a/abc123/tasks/task-002',
                status: 'CREATED',
                task: { id: 'task-002' },
                taskCancelled: false,
                taskCancelledNotificationSent: false,
                raw: {
                  cancelCleanupComplete: false,
                  permalink: 'https://app.wdesk.com/a/abc123/tasks/task-002',
                  status: 'Created',
                  task: 'task-002',
                  taskCancelled: false,
                  taskCancelledNotificationSent: false,
                },
              },
            },
            {
              __typename: 'JobRun',
              id: 'jobrun-003',
              job: 'job-template-003',
              ordinal: 2,
              readOnly: false,
              status: 'RUNNING',
              action: 'SEND_TASK',
              actionStatus: 'RUNNING',
              arguments: {
                __typename: 'SendTaskArguments',
                assignee: { __typename: 'User', id: 'user-abc123' },
                document: { id: 'doc-final456' },
                title: 'Final sign-off',
                raw: {
                  assignee: { id: 'user-abc123', type: 'user' },
                  document: 'doc-final456',
                  title: 'Final sign-off',
                },
              },
              metadata: null,
            },
          ],
        },
        jobs: [{ id: 'jobrun-001' }, { id: 'jobrun-002' }, { id: 'jobrun-003' }],
      },
    });
  });

  it('sends one GET to /processRuns/{id} with X-Version, Accept, the caller token and a request id', async () => {
    t.upstream.requests.length = 0;
    await execute(
      t.gateway,
      RunIdDocument,
      { id: 'processrun-xyz789' },
      {
        headers: { authorization: TEST_TOKEN, 'x-request-id': 'req-seed-42' },
      },
    );
    expect(t.upstream.requests).toHaveLength(1);
    const [request] = t.upstream.requests;
    expect(request).toMatchObject({ method: 'GET', url: '/processRuns/processrun-xyz789' });
    expect(request!.headers['x-version']).toBe('2026-04-01.processes.preview');
    expect(request!.headers.accept).toBe('application/json');
    expect(request!.headers.authorization).toBe(TEST_TOKEN);
    expect(request!.headers['x-request-id']).toBe('req-seed-42');
  });
});
