import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { DEMO_PROCESSES, DEMO_RUNS, GENERATED_RUNS } from '../../src/demo/fixtures';
import { closedPort, FakeUpstream, json } from '../harness/fake-upstream';
import { ENTRY_POINT, useBuiltEntryPoint } from '../harness/build';

// `npm run probe:upstream` as a real child process (dist/) against the real-HTTP fake: verdicts, exit codes, GET only,
// and no tenant value in either output form.

const PROBE = join(dirname(ENTRY_POINT), 'probe', 'upstream-probe.js');
const AUTH = 'Bearer probe-test-token';

interface ProbeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runProbe(env: Record<string, string>, args: string[] = []): Promise<ProbeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PROBE, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type Json = Record<string, any>;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

// The annual report first: its run has nested groups, so the run group child is observed too. The certification
// process is left out: its run's `modified.user` is a plain id on purpose (the demo exercises the tolerant reader).
const PROCESSES: Json[] = clone([DEMO_PROCESSES[1]!, DEMO_PROCESSES[0]!, ...DEMO_PROCESSES.slice(3, 13)]) as Json[];
const RUNS: Json[] = clone([...DEMO_RUNS.values(), ...GENERATED_RUNS]) as Json[];

/** Serves the list (pages of $maxpagesize), each process and each run; `variant` rewrites the bodies first. */
async function fakeWith(
  processes: Json[],
  runs: Json[],
  nextLink?: (next: number, size: number) => string,
): Promise<FakeUpstream> {
  const fake = await new FakeUpstream().start();
  if (nextLink) {
    fake.onProcessList((request, response) => {
      const size = Number(request.query.get('$maxpagesize') ?? '100');
      json(response, 200, { data: processes.slice(0, size), '@nextLink': nextLink(size, size) });
    });
  } else fake.serveProcessList(processes);
  for (const process of processes) fake.serveProcess(process as { id: string });
  for (const run of runs) fake.serveRun(run as { id: string });
  return fake;
}

/** Every string value of the fixtures that is tenant data (ids, names, titles, dates), not a spelling. */
function tenantValues(...bodies: unknown[]): string[] {
  const SPELLINGS = new Set(['type', 'status', 'action', 'actionStatus', 'triggerType', 'businessDaysOfWeek']);
  const found = new Set<string>();
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (!SPELLINGS.has(key) && value.length >= 4) found.add(value);
    } else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  bodies.forEach((body) => visit(body, ''));
  return [...found];
}

/** Runs the probe in both output forms against `fake`; checks what every run must hold. */
async function probeBoth(fake: FakeUpstream, expectedCode: number): Promise<{ human: ProbeRun; report: Json }> {
  const env = { UPSTREAM_BASE_URL: fake.url, PROBE_AUTHORIZATION: AUTH };
  const human = await runProbe(env);
  const machine = await runProbe(env, ['--json']);
  if (human.code !== expectedCode || machine.code !== expectedCode) {
    throw new Error(
      `exit ${human.code}/${machine.code}, expected ${expectedCode}\n${human.stdout}\n${human.stderr}${machine.stderr}`,
    );
  }
  const report = JSON.parse(machine.stdout) as Json;
  expect(report.exitCode).toBe(expectedCode);
  expect(fake.requests.length).toBeGreaterThan(0);
  expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  expect(fake.requests.length).toBeLessThanOrEqual(2 * 20);
  expect(report.requests.sent).toBeLessThanOrEqual(20);
  const values = tenantValues(PROCESSES, RUNS);
  expect(values).toEqual(
    expect.arrayContaining(['process-annual-report', 'FY2024 Annual Report', '2024-12-01T09:00:00Z', 'user-abc123']),
  );
  for (const value of values) {
    if (human.stdout.includes(value) || machine.stdout.includes(value))
      throw new Error(`output carries the fixture value ${JSON.stringify(value)}`);
  }
  expect(human.stdout).not.toContain(AUTH);
  expect(machine.stdout).not.toContain(AUTH);
  return { human, report };
}

const guess = (report: Json, name: string): Json => report.guesses.find((entry: Json) => entry.name === name);

describe('npm run probe:upstream', () => {
  useBuiltEntryPoint();
  let fake: FakeUpstream | undefined;
  afterEach(async () => {
    await fake?.stop();
    fake = undefined;
  });

  it('documented and guessed shapes → exit 0, every guess held or not-observed, the walk the issue names', async () => {
    fake = await fakeWith(PROCESSES, RUNS);
    const { human, report } = await probeBoth(fake, 0);
    const verdicts = Object.fromEntries(report.guesses.map((entry: Json) => [entry.name, entry.verdict]));
    expect(verdicts).toEqual({
      listRunKey: 'held',
      embeddedRunWhole: 'held',
      processGroupChild: 'held',
      processJobChild: 'held',
      runGroupChild: 'held',
      nextLinkToken: 'held',
      processGetRun: 'held',
      processAuditStamps: 'held',
      processRequiredFields: 'held',
      enumSpellings: 'held',
      userRefObject: 'held',
      jobRunsAnswer: 'not-observed',
      writesAnswerProcess: 'not-observed',
      createGroupChild: 'not-observed',
      batchUpdateForm: 'not-observed',
      certificationArgs: 'not-observed',
    });
    expect(guess(report, 'listRunKey').docs).toMatch(/^docs\/processes\.md#L\d+$/);
    expect(report.unknownKeys).toEqual([]);
    expect(report.drift).toEqual([]);
    expect(human.stdout).toContain('No observed guess failed (exit 0).');
    // Per run of the probe: two list pages, the process twice, the run twice (both excludeGeneratedJobs values).
    const label = ({ path, query }: { path: string; query: URLSearchParams }) =>
      path === '/processes'
        ? `list ${query.has('$next') ? 'next' : 'first'} ${query.get('$maxpagesize')}`
        : `${path.split('/')[1]} exclude=${query.get('excludeGeneratedJobs')}`;
    expect(fake.requests.slice(0, 6).map(label)).toEqual([
      'list first 5',
      'list next 5',
      'processes exclude=null',
      'processes exclude=true',
      'processRuns exclude=null',
      'processRuns exclude=true',
    ]);
    expect(fake.requests).toHaveLength(12);
  });

  it('the run under another key → exit 3 naming listRunKey and the key seen', async () => {
    const processes = PROCESSES.map(({ run, ...rest }) => (run ? { ...rest, currentRun: run } : rest));
    fake = await fakeWith(processes, RUNS);
    const { human, report } = await probeBoth(fake, 3);
    expect(guess(report, 'listRunKey')).toMatchObject({
      verdict: 'failed',
      detail: expect.stringContaining('currentRun'),
    });
    expect(report.unknownKeys).toContainEqual({
      at: 'Process',
      key: 'currentRun',
      type: 'object',
      count: expect.any(Number),
    });
    expect(human.stdout).toMatch(/listRunKey\s+failed/);
    expect(human.stdout).toContain('Fix hints:');
    expect(human.stdout).toMatch(/ listRunKey \(docs\/processes\.md#L\d+\): .*listRunKey\.keys/);
  });

  it('a summary run → exit 3 naming embeddedRunWhole and the unknown key seen', async () => {
    const processes = PROCESSES.map((process) =>
      process.run
        ? { ...process, run: { id: process.run.id, status: process.run.status, summaryOf: 'processRun' } }
        : process,
    );
    fake = await fakeWith(processes, RUNS);
    const { report } = await probeBoth(fake, 3);
    expect(guess(report, 'embeddedRunWhole')).toMatchObject({
      verdict: 'failed',
      detail: expect.stringMatching(/summar/),
    });
    expect(report.unknownKeys).toContainEqual({
      at: 'ProcessRun',
      key: 'summaryOf',
      type: 'string',
      count: expect.any(Number),
    });
    expect(guess(report, 'listRunKey').verdict).toBe('held');
  });

  it('a group child of another form → exit 3 naming processGroupChild and the key seen', async () => {
    const regroup = (group: Json): Json => ({
      ...group,
      children: (group.children ?? []).map((child: Json) =>
        child.type === 'group' ? { type: 'group', processGroup: regroup(child.group) } : child,
      ),
    });
    const processes = PROCESSES.map((process) => ({ ...process, root: regroup(process.root) }));
    fake = await fakeWith(processes, RUNS);
    const { report } = await probeBoth(fake, 3);
    expect(guess(report, 'processGroupChild')).toMatchObject({
      verdict: 'failed',
      detail: expect.stringContaining('processGroup'),
    });
    expect(report.unknownKeys).toContainEqual({
      at: 'ProcessNode',
      key: 'processGroup',
      type: 'object',
      count: expect.any(Number),
    });
    expect(report.drift).toContainEqual({
      kind: 'process-node',
      name: 'ProcessNode',
      value: 'group',
      count: expect.any(Number),
    });
  });

  it('$next missing from @nextLink → exit 3 naming nextLinkToken and the parameter seen', async () => {
    fake = await fakeWith(
      PROCESSES,
      RUNS,
      (next, size) => `https://elsewhere.example/processes?$skiptoken=${next}&$maxpagesize=${size}`,
    );
    const { report } = await probeBoth(fake, 3);
    expect(guess(report, 'nextLinkToken')).toMatchObject({
      verdict: 'failed',
      detail: expect.stringContaining('$skiptoken'),
    });
    expect(fake.requests.filter((request) => request.path === '/processes')).toHaveLength(2);
  });

  it('plain-id user references → exit 3 naming userRefObject and where they sat', async () => {
    const plain = (stamp: Json) => ({ ...stamp, user: stamp.user.id });
    const processes = PROCESSES.map((process) => ({
      ...process,
      created: plain(process.created),
      modified: plain(process.modified),
    }));
    fake = await fakeWith(processes, RUNS);
    const { report } = await probeBoth(fake, 3);
    expect(guess(report, 'userRefObject')).toMatchObject({
      verdict: 'failed',
      detail: expect.stringContaining('Process.created.user'),
    });
  });

  it('an unknown status spelling is drift with its count; the enum guess fails', async () => {
    const runs = RUNS.map((run) => ({ ...run, status: 'paused' }));
    fake = await fakeWith(
      PROCESSES.map(({ run, ...rest }) => (run ? { ...rest, run: run.id } : rest)),
      runs,
    );
    const { report } = await probeBoth(fake, 3);
    expect(report.drift).toContainEqual({ kind: 'enum', name: 'RunStatus', value: 'paused', count: 2 });
    expect(guess(report, 'enumSpellings')).toMatchObject({ verdict: 'failed', detail: 'RunStatus "paused" (2x)' });
    expect(guess(report, 'embeddedRunWhole').detail).toContain('plain id');
  });

  it('without PROBE_AUTHORIZATION: the gateway client credentials; the token request is the only non-GET', async () => {
    fake = await fakeWith(PROCESSES, RUNS);
    fake.onPath('POST', '/oauth2/token', (_request, response) =>
      json(response, 200, { access_token: 'probe-cc-token', token_type: 'Bearer', expires_in: 300 }),
    );
    const result = await runProbe(
      { UPSTREAM_BASE_URL: fake.url, UPSTREAM_CLIENT_ID: 'probe-client', UPSTREAM_CLIENT_SECRET: 'probe-secret' },
      ['--json'],
    );
    expect(result.code).toBe(0);
    const [token, ...reads] = fake.requests;
    expect(token).toMatchObject({ method: 'POST', path: '/oauth2/token' });
    expect(reads).toHaveLength(6);
    for (const read of reads)
      expect({ method: read.method, authorization: read.headers.authorization }).toEqual({
        method: 'GET',
        authorization: 'Bearer probe-cc-token',
      });
    expect(result.stdout).not.toContain('probe-cc-token');
    expect(result.stdout).not.toContain('probe-secret');
  });

  it('paces its reads within UPSTREAM_RATE_LIMIT (the client budget would refuse the third read at once)', async () => {
    fake = await fakeWith(PROCESSES, RUNS);
    const result = await runProbe(
      { UPSTREAM_BASE_URL: fake.url, PROBE_AUTHORIZATION: AUTH, UPSTREAM_RATE_LIMIT: '2/400ms' },
      ['--json'],
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).errors).toEqual([]);
    expect(fake.requests).toHaveLength(6);
  });

  it('PROBE_MAX_REQUESTS bounds the requests sent', async () => {
    fake = await fakeWith(PROCESSES, RUNS);
    const result = await runProbe({ UPSTREAM_BASE_URL: fake.url, PROBE_AUTHORIZATION: AUTH, PROBE_MAX_REQUESTS: '3' }, [
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(fake.requests).toHaveLength(3);
    expect(JSON.parse(result.stdout).requests).toEqual({ sent: 3, max: 3 });
  });

  it('a refused credential → exit 1 with the status and code', async () => {
    fake = await new FakeUpstream().start();
    fake.onProcessList((_request, response) => json(response, 401, { code: '401', message: 'Unauthorized' }));
    const result = await runProbe({ UPSTREAM_BASE_URL: fake.url, PROBE_AUTHORIZATION: AUTH });
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'probe: the upstream refused the credential: 401 UNAUTHENTICATED\n',
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('an unreachable upstream → exit 1', async () => {
    const result = await runProbe(
      { UPSTREAM_BASE_URL: `http://127.0.0.1:${await closedPort()}`, PROBE_AUTHORIZATION: AUTH },
      ['--json'],
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('probe: the upstream cannot be reached: UPSTREAM_UNREACHABLE\n');
    expect(JSON.parse(result.stdout)).toMatchObject({ exitCode: 1 });
  });

  it('missing UPSTREAM_BASE_URL → exit 2 with one line naming it', async () => {
    const result = await runProbe({ PROBE_AUTHORIZATION: AUTH });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('UPSTREAM_BASE_URL');
  });

  it('no credential → exit 2 naming PROBE_AUTHORIZATION, no request sent', async () => {
    fake = await fakeWith(PROCESSES, RUNS);
    const result = await runProbe({ UPSTREAM_BASE_URL: fake.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Invalid configuration: PROBE_AUTHORIZATION /);
    expect(fake.requests).toEqual([]);
  });
});
