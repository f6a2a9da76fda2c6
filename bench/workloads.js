'use strict';
// The runs the fake upstream serves and the operations each scenario sends. Built from the compiled demo fixtures
// (bench runs after `npm run build`), so the bodies have the real upstream shape.
const path = require('node:path');
// The bench runs the built fixtures; under jest (the differential test) the TypeScript sources load directly, so a
// suite needs no dist/ build.
const fixtures = path.join(__dirname, '..', process.env.JEST_WORKER_ID ? 'src' : 'dist', 'demo', 'fixtures');
const { seedProcessRun } = require(path.join(fixtures, 'seed-run'));
const { groupNode, sendTaskJob } = require(path.join(fixtures, 'builders'));

const LARGE_ID = 'processrun-large-2000';
const FANOUT_COUNT = 20;
const STATUSES = [
  ['complete', 'Completed'],
  ['running', 'Running'],
  ['waiting', 'Waiting'],
];

/** 2,000 jobs in 110 groups nested 3 deep: root → 10 groups → 10 groups each → 20 jobs each (~1.1 MB). */
function largeRun() {
  let jobNo = 0;
  const level1 = [];
  for (let a = 0; a < 10; a += 1) {
    const level2 = [];
    for (let b = 0; b < 10; b += 1) {
      const jobs = [];
      for (let c = 0; c < 20; c += 1) {
        const [status, actionStatus] = STATUSES[jobNo % 3];
        const id = `jobrun-${String(jobNo).padStart(5, '0')}`;
        jobs.push(
          sendTaskJob(
            id,
            c,
            `Review section ${a}.${b}.${c} of the annual report`,
            status,
            actionStatus,
            `user-${jobNo % 37}`,
          ),
        );
        jobNo += 1;
      }
      level2.push(
        groupNode({
          id: `group-${a}-${b}`,
          name: `Section ${a}.${b}`,
          ordinal: b,
          parallel: true,
          status: 'running',
          parent: `group-${a}`,
          children: jobs,
        }),
      );
    }
    level1.push(
      groupNode({
        id: `group-${a}`,
        name: `Part ${a}`,
        ordinal: a,
        parallel: false,
        status: 'running',
        parent: 'group-root',
        children: level2,
      }),
    );
  }
  return {
    ...seedProcessRun,
    id: LARGE_ID,
    name: 'Large run: 2,000 jobs in 110 groups',
    root: { ...seedProcessRun.root, id: 'group-root', children: level1 },
  };
}

const fanoutIds = Array.from({ length: FANOUT_COUNT }, (_, i) => `processrun-fanout-${String(i).padStart(2, '0')}`);

const PROCESSES_PAGE_SIZE = 50;

/** One GET /processes page: 50 processes, every one with its current run embedded (the documented list shape). */
function processesPage() {
  const data = Array.from({ length: PROCESSES_PAGE_SIZE }, (_, i) => {
    const id = `process-bench-${String(i).padStart(2, '0')}`;
    return {
      id,
      name: `Bench process ${i}`,
      dueDate: '2025-12-31',
      businessDaysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      autoClose: true,
      created: seedProcessRun.created,
      modified: seedProcessRun.modified,
      root: { id: `group-${id}`, name: 'Main', parallel: false, children: [] },
      run: { ...seedProcessRun, id: `processrun-bench-${i}`, process: id },
    };
  });
  return { data, '@nextLink': 'https://api.example/processes?$next=bench-page-2&$maxpagesize=50' };
}

/** The key under which upstreamBodies() holds the GET /processes page. */
const PROCESSES_PAGE_KEY = '/processes';

/** id → upstream body (a JSON string); PROCESSES_PAGE_KEY → the processes page. */
function upstreamBodies() {
  const bodies = new Map();
  bodies.set(PROCESSES_PAGE_KEY, JSON.stringify(processesPage()));
  bodies.set(seedProcessRun.id, JSON.stringify(seedProcessRun));
  bodies.set(LARGE_ID, JSON.stringify(largeRun()));
  for (const id of fanoutIds) bodies.set(id, JSON.stringify({ ...seedProcessRun, id, name: `Fan-out ${id}` }));
  return bodies;
}

const AUDIT = 'dateTime user { id }';
const TASK_ARGS =
  'assignee { __typename ... on User { id } ... on UnknownAssignee { type upstreamId raw } } document { id } title raw';
const TASK_META = 'cancelCleanupComplete permalink status task { id } taskCancelled taskCancelledNotificationSent raw';
const JOB_FIELDS = `__typename id job ordinal readOnly status action actionStatus
  arguments {
    __typename
    ... on TaskJobArguments { ${TASK_ARGS} }
    ... on ContentRequestArguments { approver { __typename ... on User { id } } }
    ... on CertApproverArguments { approver { __typename ... on User { id } } }
    ... on UnknownJobArguments { type raw }
  }
  metadata {
    __typename
    ... on TaskJobMetadata { ${TASK_META} }
    ... on UnknownJobMetadata { type raw }
  }`;
const GROUP_FIELDS = `__typename id name parallel readOnly status active childrenEligibleToStartCount eligibleToStart
  created { ${AUDIT} } modified { ${AUDIT} } groupOrdinal: ordinal parent revision triggerType
  statusCounts { status upstreamStatus count }`;

/** Every field of the schema, the tree three levels down (the seed run is one level deep). */
const SEED_QUERY = `query Seed($id: ID!) {
  processRun(id: $id) {
    id name status revision process { id } dueDate autoClose certAutoApprove relativeDates ipmBetaEnabled iwmOptOut
    businessDaysOfWeek created { ${AUDIT} } modified { ${AUDIT} }
    statusCounts { status upstreamStatus count }
    root {
      ${GROUP_FIELDS}
      children {
        __typename
        ... on JobRun { ${JOB_FIELDS} }
        ... on UnknownRunNode { type raw }
        ... on GroupRun {
          ${GROUP_FIELDS}
          children { __typename ... on JobRun { ${JOB_FIELDS} } ... on GroupRun { id } ... on UnknownRunNode { type raw } }
        }
      }
    }
    jobs { ${JOB_FIELDS} }
  }
}`;

const LARGE_QUERY = `query Large($id: ID!) {
  processRun(id: $id) {
    id status
    root {
      id readOnly status
      children {
        ... on GroupRun {
          id readOnly status
          children {
            ... on GroupRun {
              id readOnly status
              children { ... on JobRun { id readOnly status } ... on GroupRun { id readOnly status } }
            }
            ... on JobRun { id readOnly status }
          }
        }
        ... on JobRun { id readOnly status }
      }
    }
  }
}`;

const FANOUT_QUERY = `query FanOut {
${fanoutIds.map((id, i) => `  r${i}: processRun(id: "${id}") { id name status jobs { id status actionStatus } }`).join('\n')}
}`;

// A processes list page: first 50, with each current run's status (one upstream call: the runs are embedded).
const PROCESSES_QUERY = `query ProcessesPage {
  processes(first: ${PROCESSES_PAGE_SIZE}) {
    nodes { id name dueDate run { id status } }
    pageInfo { hasNextPage endCursor }
  }
}`;

// The floor proxy takes the same POST; it reads `variables.id` or `variables.ids` (it does no GraphQL).
const scenarios = {
  seed: { query: SEED_QUERY, variables: { id: seedProcessRun.id }, expectJobs: 3, upstreamPerOp: 1 },
  large: { query: LARGE_QUERY, variables: { id: LARGE_ID }, expectJobs: 2000, upstreamPerOp: 1 },
  fanout: {
    query: FANOUT_QUERY,
    variables: { ids: fanoutIds },
    expectJobs: 3 * FANOUT_COUNT,
    upstreamPerOp: FANOUT_COUNT,
  },
  // No floor row: the floor proxy only knows runs.
  processes: {
    query: PROCESSES_QUERY,
    variables: {},
    expectJobs: 0,
    upstreamPerOp: 1,
    check: (data) =>
      data.processes.nodes.length === PROCESSES_PAGE_SIZE &&
      data.processes.nodes.every((node) => node.run.status === 'RUNNING'),
  },
};

module.exports = { upstreamBodies, scenarios, seedId: seedProcessRun.id, LARGE_ID, fanoutIds, PROCESSES_PAGE_KEY };
