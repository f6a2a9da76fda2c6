import { execute, expectNoErrors, expectOnlyError, json, TEST_TOKEN, useGateway } from '../harness';
import { createdJobRun, sent, SEND_TASK_JOB, startedRun, writtenProcess } from './write-fixtures';

describe('mutations – each sends exactly the documented upstream request and answers the mapped payload', () => {
  const t = useGateway();

  it('runProcess POSTs /processes/{id}/run with the options and answers the run through the read mappers', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) => json(response, 201, startedRun));
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `mutation { runProcess(processId: "process-abc123", sendProcessCompleteEmail: true) { id status process { id } jobs { id action } } }`,
      ),
    );
    expect(data.runProcess).toEqual({
      id: 'processrun-new-001',
      status: 'WAITING',
      process: { id: 'process-abc123' },
      jobs: [
        { id: 'jobrun-001', action: 'SEND_TASK' },
        { id: 'jobrun-002', action: 'CONTENT_REQUEST' },
        { id: 'jobrun-003', action: 'SEND_TASK' },
      ],
    });
    expect(t.upstream.requests).toHaveLength(1);
    const request = t.upstream.requests[0]!;
    expect(sent(request)).toEqual({
      method: 'POST',
      path: '/processes/process-abc123/run',
      query: {},
      body: { sendProcessCompleteEmail: true },
    });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBe(TEST_TOKEN);
    expect(request.headers['x-version']).toBe('2026-04-01.processes.preview');
  });

  it('runProcess without options sends no body; the id is one encoded path segment', async () => {
    t.upstream.onPath('POST', '/processes/a%2Fb%3Fc/run', (_request, response) => json(response, 201, startedRun));
    expectNoErrors(await execute(t.gateway, `mutation { runProcess(processId: "a/b?c") { id } }`));
    expect(sent(t.upstream.requests[0])).toEqual({
      method: 'POST',
      path: '/processes/a%2Fb%3Fc/run',
      query: {},
      body: undefined,
    });
    expect(t.upstream.requests[0]!.headers['content-type']).toBeUndefined();
  });

  it('addJobRuns POSTs the job array with the placement as query parameters and answers the created JobRuns', async () => {
    t.upstream.onPath('POST', '/processRuns/processrun-xyz789/jobRuns', (_request, response) =>
      json(response, 201, [createdJobRun]),
    );
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `mutation Add($jobs: [JobRunInput!]!) {
          addJobRuns(processRunId: "processrun-xyz789", jobs: $jobs, placement: { parentGroupId: "grouprun-root123", relativeSiblingId: "jobrun-002", before: false }) {
            id ordinal status action arguments { __typename ... on SendTaskArguments { title assignee { ... on User { id } } } }
          }
        }`,
        {
          jobs: [
            SEND_TASK_JOB,
            {
              action: 'CONTENT_REQUEST',
              arguments: {
                contentRequest: {
                  title: 'Content Request 1',
                  assignee: 'user123',
                  approver: 'user456',
                  document: 'doc456',
                  section: 'section-id-123',
                  instructions: 'Please fill out rows 1-10 in the spreadsheet.\nThanks.',
                },
              },
            },
          ],
        },
      ),
    );
    expect(data.addJobRuns).toEqual([
      {
        id: 'jobrun-new-001',
        ordinal: 3,
        status: 'WAITING',
        action: 'SEND_TASK',
        arguments: { __typename: 'SendTaskArguments', title: 'Review the draft', assignee: { id: 'user123' } },
      },
    ]);
    expect(sent(t.upstream.requests[0])).toEqual({
      method: 'POST',
      path: '/processRuns/processrun-xyz789/jobRuns',
      query: { parentGroupId: 'grouprun-root123', relativeSiblingId: 'jobrun-002', before: 'false' },
      body: [
        {
          action: 'sendTask',
          triggerType: 'whenEligible',
          arguments: {
            type: 'sendTask',
            sendTaskArgs: {
              title: 'Review the draft',
              assignee: { id: 'user123', type: 'user' },
              dueDate: '2024-12-15',
            },
          },
        },
        {
          action: 'contentRequest',
          triggerType: 'whenEligible',
          arguments: {
            type: 'contentRequest',
            contentRequestArgs: {
              title: 'Content Request 1',
              assignee: { id: 'user123', type: 'user' },
              approver: { id: 'user456', type: 'user' },
              document: 'doc456',
              section: 'section-id-123',
              instructions: 'Please fill out rows 1-10 in the spreadsheet.\nThanks.',
            },
          },
        },
      ],
    });
  });

  it('addJobRuns without placement sends no query; a { data: [{ type: "job", jobRun }] } answer is read too', async () => {
    t.upstream.onPath('POST', '/processRuns/processrun-xyz789/jobRuns', (_request, response) =>
      json(response, 200, { data: [{ type: 'job', jobRun: createdJobRun }] }),
    );
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `mutation($jobs: [JobRunInput!]!) { addJobRuns(processRunId: "processrun-xyz789", jobs: $jobs) { id } }`,
        { jobs: [SEND_TASK_JOB] },
      ),
    );
    expect(data.addJobRuns).toEqual([{ id: 'jobrun-new-001' }]);
    expect(t.upstream.requests[0]!.url).toBe('/processRuns/processrun-xyz789/jobRuns');
  });

  it('createProcess POSTs /processes with the whole tree in the documented shape', async () => {
    t.upstream.onPath('POST', '/processes', (_request, response) => json(response, 201, writtenProcess));
    const data = expectNoErrors(
      await execute(t.gateway, `mutation Create($input: CreateProcessInput!) { createProcess(input: $input) { id } }`, {
        input: {
          name: 'Annual Performance Review Process',
          autoClose: true,
          businessDaysOfWeek: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
          businessStartDate: '2024-01-01',
          certAutoApprove: false,
          dueDate: '2024-12-31',
          relativeDates: true,
          root: {
            name: 'Root',
            children: [
              {
                job: {
                  action: 'SEND_TASK',
                  arguments: {
                    sendTask: {
                      title: 'Complete Self-Assessment',
                      assignee: 'userId1234',
                      approver: 'userId5678',
                      dueDate: '2024-12-15',
                      approverDueDate: '2024-12-20',
                      instructions: 'Complete your self-assessment form',
                    },
                  },
                },
              },
              {
                group: {
                  name: 'Sign-off',
                  parallel: true,
                  children: [
                    {
                      job: {
                        name: 'Certify',
                        action: 'CERTIFICATION',
                        arguments: { certification: { title: 'Certify', assignee: 'userId5678', document: 'doc-1' } },
                      },
                    },
                  ],
                },
              },
            ],
          },
        },
      }),
    );
    expect(data.createProcess).toEqual({ id: 'process-new-001' });
    expect(sent(t.upstream.requests[0])).toEqual({
      method: 'POST',
      path: '/processes',
      query: {},
      body: {
        name: 'Annual Performance Review Process',
        autoClose: true,
        businessDaysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        businessStartDate: '2024-01-01',
        certAutoApprove: false,
        dueDate: '2024-12-31',
        relativeDates: true,
        root: {
          name: 'Root',
          parallel: false,
          readOnly: false,
          triggerType: 'whenEligible',
          children: [
            {
              type: 'job',
              job: {
                action: 'sendTask',
                triggerType: 'whenEligible',
                arguments: {
                  type: 'sendTask',
                  sendTaskArgs: {
                    title: 'Complete Self-Assessment',
                    assignee: { id: 'userId1234', type: 'user' },
                    approver: { id: 'userId5678', type: 'user' },
                    dueDate: '2024-12-15',
                    approverDueDate: '2024-12-20',
                    instructions: 'Complete your self-assessment form',
                  },
                },
              },
            },
            {
              type: 'group',
              group: {
                name: 'Sign-off',
                parallel: true,
                readOnly: false,
                triggerType: 'whenEligible',
                children: [
                  {
                    type: 'job',
                    job: {
                      name: 'Certify',
                      action: 'certification',
                      triggerType: 'whenEligible',
                      arguments: {
                        type: 'certification',
                        certificationArgs: {
                          title: 'Certify',
                          assignee: { id: 'userId5678', type: 'user' },
                          document: 'doc-1',
                        },
                      },
                    },
                  },
                ],
              },
            },
          ],
        },
      },
    });
  });

  it('renameProcessItems POSTs batchUpdates in the documented nested item form', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/batchUpdates', (_request, response) =>
      json(response, 200, { ...writtenProcess, id: 'process-abc123' }),
    );
    const data = expectNoErrors(
      await execute(
        t.gateway,
        `mutation { renameProcessItems(processId: "process-abc123", renames: [{ kind: JOB, id: "job-1", newName: "Review Q4" }, { kind: GROUP, id: "group-1", newName: "Close" }]) { id } }`,
      ),
    );
    expect(data.renameProcessItems).toEqual({ id: 'process-abc123' });
    expect(sent(t.upstream.requests[0])).toEqual({
      method: 'POST',
      path: '/processes/process-abc123/batchUpdates',
      query: {},
      body: {
        data: [
          { type: 'jobName', jobNameUpdate: { id: 'job-1', newName: 'Review Q4' } },
          { type: 'groupName', groupNameUpdate: { id: 'group-1', newName: 'Close' } },
        ],
      },
    });
  });

  it('trashProcess DELETEs /processes/{id} and answers the id on 204', async () => {
    t.upstream.onPath('DELETE', '/processes/process-abc123', (_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const data = expectNoErrors(await execute(t.gateway, `mutation { trashProcess(processId: "process-abc123") }`));
    expect(data.trashProcess).toBe('process-abc123');
    expect(sent(t.upstream.requests[0])).toEqual({
      method: 'DELETE',
      path: '/processes/process-abc123',
      query: {},
      body: undefined,
    });
  });

  it('a run answer missing a required field is UPSTREAM_BAD_RESPONSE with outcome APPLIED (the upstream said 201)', async () => {
    t.upstream.onPath('POST', '/processes/process-abc123/run', (_request, response) =>
      json(response, 201, { id: 'processrun-new-001' }),
    );
    const result = await execute(t.gateway, `mutation { runProcess(processId: "process-abc123") { id } }`);
    const error = expectOnlyError(result, 'UPSTREAM_BAD_RESPONSE');
    expect(error.extensions).toMatchObject({ outcome: 'APPLIED', upstream: { status: 201 } });
    expect(t.upstream.requests).toHaveLength(1);
  });
});
