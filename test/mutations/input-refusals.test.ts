import { execute, expectOnlyError, faults, useGateway } from '../harness';
import { SEND_TASK_JOB } from './write-fixtures';

const sendTask = (overrides: Record<string, unknown>) => ({
  action: 'SEND_TASK',
  arguments: { sendTask: { ...SEND_TASK_JOB.arguments.sendTask, ...overrides } },
});
const job = (overrides: Record<string, unknown> = {}) => ({ job: sendTask(overrides) });
const group = (children: unknown[], name = 'G') => ({ group: { name, children } });
const processInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'P',
  root: { name: 'Root', children: [job()] },
  ...overrides,
});

/** A group nested `levels` deep below the root, with one job at the bottom. */
function nested(levels: number): unknown {
  let node: unknown = job();
  for (let level = 0; level < levels; level++) node = group([node]);
  return node;
}

const ADD = `mutation($id: ID!, $jobs: [JobRunInput!]!, $placement: JobRunPlacement) { addJobRuns(processRunId: $id, jobs: $jobs, placement: $placement) { id } }`;
const CREATE = `mutation($input: CreateProcessInput!) { createProcess(input: $input) { id } }`;
const RENAME = `mutation($id: ID!, $renames: [RenameInput!]!) { renameProcessItems(processId: $id, renames: $renames) { id } }`;
const RUN = `mutation($id: ID!) { runProcess(processId: $id) { id } }`;
const TRASH = `mutation($id: ID!) { trashProcess(processId: $id) }`;

const CASES: Array<[string, string, Record<string, unknown>, string]> = [
  ['runProcess: empty id', RUN, { id: '' }, 'processId'],
  ['runProcess: id over 256 characters', RUN, { id: 'p'.repeat(257) }, 'processId'],
  ['trashProcess: id with a control character', TRASH, { id: 'p\u0000' }, 'processId'],
  ['trashProcess: id ".."', TRASH, { id: '..' }, 'processId'],
  ['addJobRuns: bad run id', ADD, { id: 'a\nb', jobs: [SEND_TASK_JOB] }, 'processRunId'],
  ['addJobRuns: no jobs', ADD, { id: 'r', jobs: [] }, 'jobs'],
  ['addJobRuns: 501 jobs', ADD, { id: 'r', jobs: Array.from({ length: 501 }, () => SEND_TASK_JOB) }, 'jobs'],
  [
    'addJobRuns: a generated certification action',
    ADD,
    {
      id: 'r',
      jobs: [
        SEND_TASK_JOB,
        { action: 'CERTIFICATION_SIGNER_GENERATED', arguments: { certification: { title: 't', assignee: 'u' } } },
      ],
    },
    'jobs.1.action',
  ],
  [
    'addJobRuns: UNKNOWN action',
    ADD,
    { id: 'r', jobs: [{ action: 'UNKNOWN', arguments: SEND_TASK_JOB.arguments }] },
    'jobs.0.action',
  ],
  [
    'addJobRuns: no arguments field set',
    ADD,
    { id: 'r', jobs: [{ action: 'SEND_TASK', arguments: {} }] },
    'jobs.0.arguments',
  ],
  [
    'addJobRuns: two arguments fields set',
    ADD,
    {
      id: 'r',
      jobs: [
        {
          action: 'SEND_TASK',
          arguments: { ...SEND_TASK_JOB.arguments, certification: { title: 't', assignee: 'u' } },
        },
      ],
    },
    'jobs.0.arguments',
  ],
  [
    'addJobRuns: arguments of another action',
    ADD,
    { id: 'r', jobs: [{ action: 'CONTENT_REQUEST', arguments: SEND_TASK_JOB.arguments }] },
    'jobs.0.arguments.sendTask',
  ],
  ['addJobRuns: empty title', ADD, { id: 'r', jobs: [sendTask({ title: '' })] }, 'jobs.0.arguments.sendTask.title'],
  ['addJobRuns: blank title', ADD, { id: 'r', jobs: [sendTask({ title: '   ' })] }, 'jobs.0.arguments.sendTask.title'],
  [
    'addJobRuns: title of 257 characters',
    ADD,
    { id: 'r', jobs: [sendTask({ title: 'x'.repeat(257) })] },
    'jobs.0.arguments.sendTask.title',
  ],
  [
    'addJobRuns: title with a control character',
    ADD,
    { id: 'r', jobs: [sendTask({ title: 'a\u0007b' })] },
    'jobs.0.arguments.sendTask.title',
  ],
  [
    'addJobRuns: title with a lone surrogate',
    ADD,
    { id: 'r', jobs: [sendTask({ title: 'a\ud800b' })] },
    'jobs.0.arguments.sendTask.title',
  ],
  [
    'addJobRuns: assignee id empty',
    ADD,
    { id: 'r', jobs: [sendTask({ assignee: '' })] },
    'jobs.0.arguments.sendTask.assignee',
  ],
  [
    'addJobRuns: date not YYYY-MM-DD',
    ADD,
    { id: 'r', jobs: [sendTask({ dueDate: '2024-1-5' })] },
    'jobs.0.arguments.sendTask.dueDate',
  ],
  [
    'addJobRuns: date that does not exist',
    ADD,
    { id: 'r', jobs: [sendTask({ dueDate: '2025-02-29' })] },
    'jobs.0.arguments.sendTask.dueDate',
  ],
  [
    'addJobRuns: month 13',
    ADD,
    { id: 'r', jobs: [sendTask({ approverDueDate: '2024-13-01' })] },
    'jobs.0.arguments.sendTask.approverDueDate',
  ],
  [
    'addJobRuns: instructions with a NUL',
    ADD,
    { id: 'r', jobs: [sendTask({ instructions: 'a\u0000' })] },
    'jobs.0.arguments.sendTask.instructions',
  ],
  [
    'addJobRuns: instructions over 10000 characters',
    ADD,
    { id: 'r', jobs: [sendTask({ instructions: 'x'.repeat(10_001) })] },
    'jobs.0.arguments.sendTask.instructions',
  ],
  [
    'addJobRuns: before without a sibling',
    ADD,
    { id: 'r', jobs: [SEND_TASK_JOB], placement: { parentGroupId: 'g', before: true } },
    'placement.before',
  ],
  [
    'addJobRuns: bad parentGroupId',
    ADD,
    { id: 'r', jobs: [SEND_TASK_JOB], placement: { parentGroupId: '' } },
    'placement.parentGroupId',
  ],
  ['createProcess: empty name', CREATE, { input: processInput({ name: '' }) }, 'input.name'],
  ['createProcess: impossible due date', CREATE, { input: processInput({ dueDate: '2024-04-31' }) }, 'input.dueDate'],
  [
    'createProcess: UNKNOWN business day',
    CREATE,
    { input: processInput({ businessDaysOfWeek: ['MONDAY', 'UNKNOWN'] }) },
    'input.businessDaysOfWeek.1',
  ],
  [
    'createProcess: repeated business day',
    CREATE,
    { input: processInput({ businessDaysOfWeek: ['MONDAY', 'MONDAY'] }) },
    'input.businessDaysOfWeek.1',
  ],
  [
    'createProcess: node with both job and group',
    CREATE,
    { input: processInput({ root: { name: 'Root', children: [{ ...job(), ...group([]) }] } }) },
    'input.root.children.0',
  ],
  [
    'createProcess: node with neither',
    CREATE,
    { input: processInput({ root: { name: 'Root', children: [{}] } }) },
    'input.root.children.0',
  ],
  [
    'createProcess: bad job name deep in the tree',
    CREATE,
    {
      input: processInput({
        root: { name: 'Root', children: [group([{ job: { ...sendTask({}), name: '\u0001' } }])] },
      }),
    },
    'input.root.children.0.group.children.0.job.name',
  ],
  [
    'createProcess: generated action in the tree',
    CREATE,
    {
      input: processInput({
        root: {
          name: 'Root',
          children: [
            {
              job: {
                action: 'CERTIFICATION_PHASE_FINALIZER_GENERATED',
                arguments: { certification: { title: 't', assignee: 'u' } },
              },
            },
          ],
        },
      }),
    },
    'input.root.children.0.job.action',
  ],
  [
    'createProcess: 11 group levels',
    CREATE,
    { input: processInput({ root: { name: 'Root', children: [nested(10)] } }) },
    `input.root${'.children.0.group'.repeat(10)}`,
  ],
  [
    'createProcess: 1001 nodes',
    CREATE,
    { input: processInput({ root: { name: 'Root', children: Array.from({ length: 1000 }, () => job()) } }) },
    'input.root.children.999.job',
  ],
  ['renameProcessItems: no renames', RENAME, { id: 'p', renames: [] }, 'renames'],
  [
    'renameProcessItems: 3001 renames',
    RENAME,
    { id: 'p', renames: Array.from({ length: 3001 }, (_v, i) => ({ kind: 'JOB', id: `j${i}`, newName: 'n' })) },
    'renames',
  ],
  [
    'renameProcessItems: bad new name',
    RENAME,
    {
      id: 'p',
      renames: [
        { kind: 'JOB', id: 'j', newName: 'ok' },
        { kind: 'GROUP', id: 'g', newName: 'x'.repeat(300) },
      ],
    },
    'renames.1.newName',
  ],
  [
    'renameProcessItems: bad item id',
    RENAME,
    { id: 'p', renames: [{ kind: 'GROUP', id: '', newName: 'n' }] },
    'renames.0.id',
  ],
];

describe('mutations – every input refusal is BAD_USER_INPUT naming the input path, with no upstream call', () => {
  const t = useGateway();

  it.each(CASES)('%s', async (_name, document, variables, field) => {
    const error = expectOnlyError(await execute(t.gateway, document, variables), 'BAD_USER_INPUT');
    expect(error.extensions!.field).toBe(field);
    expect(t.upstream.requests).toEqual([]);
  });

  it('createProcess: 500 group levels (18 KB) is BAD_USER_INPUT with HTTP 200, not a stack overflow in variable coercion', async () => {
    const variables = { input: processInput({ root: { name: 'Root', children: [nested(500)] } }) };
    const result = await execute(t.gateway, CREATE, variables);
    const error = expectOnlyError(result, 'BAD_USER_INPUT');
    expect(result.status).toBe(200);
    expect(error.message).toBe('Variables are nested deeper than 64 levels: no valid input is.');
    expect(t.upstream.requests).toEqual([]);
  });

  it('the limits themselves are accepted: 10 group levels, 1000 nodes, 500 jobs, 3000 renames, 2024-02-29', async () => {
    t.upstream.onAny(faults.status(503, { code: '503', message: 'Service Unavailable.' }));
    const accepted: Array<[string, Record<string, unknown>]> = [
      [CREATE, { input: processInput({ root: { name: 'Root', children: [nested(9)] } }) }],
      [CREATE, { input: processInput({ root: { name: 'Root', children: Array.from({ length: 999 }, () => job()) } }) }],
      [ADD, { id: 'r', jobs: Array.from({ length: 500 }, () => sendTask({ dueDate: '2024-02-29' })) }],
      [
        RENAME,
        { id: 'p', renames: Array.from({ length: 3000 }, (_v, i) => ({ kind: 'JOB', id: `j${i}`, newName: 'n' })) },
      ],
    ];
    for (const [document, variables] of accepted) {
      // Past validation, the (scripted) upstream answers 503: proof the input reached it.
      expectOnlyError(await execute(t.gateway, document, variables), 'UPSTREAM_UNAVAILABLE');
    }
    expect(t.upstream.requests).toHaveLength(accepted.length);
  });
});
