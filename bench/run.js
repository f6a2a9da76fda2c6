'use strict';
// `npm run bench`: the gateway against the raw upstream and a no-GraphQL floor proxy. See bench/README.md.
// Knobs: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (5), BENCH_ROUNDS (2), BENCH_ONLY (comma list of row names),
// BENCH_PROFILE=true (every server writes a --cpu-prof profile; see docs/decisions/performance-history.md, "Fifth pass").
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { scenarios, seedId } = require('./workloads');
const { cpuMs, peakRssMb } = require('./proc-stats');
const { baselineBuild } = require('./baseline-build');
const { freePort } = require('./local-servers');

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
// Warm-up long enough for V8 to optimise the hot paths (the first thousand operations cost twice as much).
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS || Math.min(5, SECONDS));
const ROUNDS = Number(process.env.BENCH_ROUNDS || 2);
// BENCH_SMOKE=true (CI): every scenario must answer correctly; how many answers fit in the window is not judged,
// so a busy machine that completes nothing under load still passes (the reference answer was checked in full).
const SMOKE = process.env.BENCH_SMOKE === 'true';
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
// Two figures are compared only when the machine's 1-minute load average during each was within this factor (the
// bench itself keeps ~2 cores busy, so the smaller load counts as at least 1): other jobs on a shared machine move
// CPU per request by up to 40 %, so a ratio across very different loads says more about the machine than the code.
const LOAD_FACTOR = Number(process.env.BENCH_LOAD_FACTOR || 1.5);
// Node flags of the gateway's rows: the same as `npm start` and the Dockerfile (see bench/README.md).
// BENCH_GATEWAY_NODE_OPTIONS replaces them for an experiment (e.g. another young-generation size).
const GATEWAY_NODE_OPTIONS = process.env.BENCH_GATEWAY_NODE_OPTIONS ?? '--max-semi-space-size=32';
const FANOUT_DELAY_MS = 20;
// Where time goes, not how much: the profiler adds its own CPU, so a profiled run's figures carry no verdict.
const PROFILE_DIR =
  process.env.BENCH_PROFILE === 'true'
    ? path.join(__dirname, 'results', `profiles-${new Date().toISOString().replace(/[:.]/g, '-')}`)
    : null;
const ROOT = path.join(__dirname, '..');
const AUTH = 'Bearer bench-token';

const pin = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;
const pinned = (core, argv) => (pin ? ['taskset', '-c', String(core), ...argv] : argv);

const SHIPPED_CACHE = { UPSTREAM_CACHE_TTL_MS: '1000', UPSTREAM_COALESCING: 'true' };

// Rows: what is measured, in the order each round runs them (interleaved, so drift and noise show across rounds).
const ROWS = [
  { name: 'direct', target: 'upstream', workload: 'direct' },
  { name: 'floor seed', target: 'floor', workload: 'seed' },
  { name: 'gateway seed', target: 'gateway', workload: 'seed' },
  // Without --max-semi-space-size: V8's default young generation, for comparison with the size `npm start` sets.
  { name: 'gateway seed default heap', target: 'gateway', workload: 'seed', nodeOptions: '' },
  // The build issue 13 measured ("today's build", bench/baseline-build.js), started as it shipped (no Node flags).
  { name: 'baseline seed', target: 'baseline', workload: 'seed', nodeOptions: '', baselineOf: 'gateway seed' },
  // The reference path of the current build (graphql-js for every operation, EXECUTION_FAST_PATH=false).
  {
    name: 'gateway seed reference',
    target: 'gateway',
    workload: 'seed',
    env: { EXECUTION_FAST_PATH: 'false' },
    referenceOf: 'gateway seed',
  },
  { name: 'floor large', target: 'floor', workload: 'large' },
  { name: 'gateway large', target: 'gateway', workload: 'large' },
  { name: 'gateway large default heap', target: 'gateway', workload: 'large', nodeOptions: '' },
  { name: 'baseline large', target: 'baseline', workload: 'large', nodeOptions: '', baselineOf: 'gateway large' },
  {
    name: 'gateway large reference',
    target: 'gateway',
    workload: 'large',
    env: { EXECUTION_FAST_PATH: 'false' },
    referenceOf: 'gateway large',
  },
  { name: 'floor fan-out', target: 'floor', workload: 'fanout', delayMs: FANOUT_DELAY_MS },
  { name: 'gateway fan-out', target: 'gateway', workload: 'fanout', delayMs: FANOUT_DELAY_MS },
  // One connection: operation latency against one upstream call's delay, without queueing behind other operations.
  { name: 'gateway fan-out 1 conn', target: 'gateway', workload: 'fanout', delayMs: FANOUT_DELAY_MS, connections: 1 },
  { name: 'gateway seed LOG_LEVEL=info', target: 'gateway', workload: 'seed', logLevel: 'info' },
  // At least 3 s: one round of 50 cold large operations takes longer than a 1 s smoke window.
  { name: 'floor large 50 conns', target: 'floor', workload: 'large', connections: 50, minSeconds: 3 },
  { name: 'gateway large 50 conns', target: 'gateway', workload: 'large', connections: 50, minSeconds: 3 },
  // Without the semi-space flag (V8's default young generation): what --max-semi-space-size buys in peak RSS.
  {
    name: 'gateway large 50 conns default heap',
    target: 'gateway',
    workload: 'large',
    connections: 50,
    minSeconds: 3,
    nodeOptions: '',
  },
  // Cache and coalescing as shipped (defaults): the tree workload's memory with a shared 1 MB body (issue 22).
  { name: 'gateway large cache on', target: 'gateway', workload: 'large', env: SHIPPED_CACHE },
  {
    name: 'gateway large 50 conns cache on',
    target: 'gateway',
    workload: 'large',
    connections: 50,
    minSeconds: 3,
    env: SHIPPED_CACHE,
  },
  { name: 'gateway processes', target: 'gateway', workload: 'processes' },
].filter((row) => !ONLY || ONLY.has(row.name));

/** Why the baseline rows are not in this run (null while they are). */
let baselineLeftOut = null;

function leaveOutBaseline(reason) {
  baselineLeftOut = reason;
  console.log(`baseline rows left out: ${reason}`);
  for (let i = ROWS.length - 1; i >= 0; i -= 1) if (ROWS[i].target === 'baseline') ROWS.splice(i, 1);
}

async function waitFor(url, child) {
  for (let i = 0; i < 200; i += 1) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      // Any answer means it is listening (the floor answers GET / with 502).
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not come up`);
}

/** `--cpu-prof` flags for one server of one round (none unless BENCH_PROFILE=true). */
function profileFlags(row, round) {
  if (!PROFILE_DIR) return [];
  const name = `${row.name.replace(/[^a-z0-9]+/gi, '-')}-round${round}.cpuprofile`;
  return ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}`];
}

async function startProcess(argv, env, probePath) {
  const port = await freePort();
  const [command, ...args] = pinned(0, argv);
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(url + probePath, child);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { url, pid: child.pid, stop: () => stopProcess(child) };
}

function stopProcess(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

async function startUpstream() {
  const port = await freePort();
  const [command, ...args] = pinned(pin ? 1 : 0, [process.execPath, path.join(__dirname, 'fake-upstream.js')]);
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/__stats`, child);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return {
    url,
    pid: child.pid,
    stop: () => stopProcess(child),
    control: (route) => fetch(url + route, { method: 'POST' }).then((r) => r.json()),
  };
}

function startTarget(row, round, upstream, baseline) {
  const profile = profileFlags(row, round);
  if (row.target === 'floor') {
    return startProcess(
      [process.execPath, ...profile, path.join(__dirname, 'floor-proxy.js')],
      { UPSTREAM_BASE_URL: upstream.url },
      '/',
    );
  }
  const nodeOptions = (row.nodeOptions ?? GATEWAY_NODE_OPTIONS).split(' ').filter(Boolean);
  const entry = row.target === 'baseline' ? path.join(baseline.dist, 'index.js') : 'dist/index.js';
  return startProcess(
    [process.execPath, ...nodeOptions, ...profile, entry],
    {
      // Every row re-reads one run: with the answer cache or coalescing on, the rows would measure shared answers, not
      // the work the floor does per operation (bench/dashboard.js measures both; the "cache on" rows run as shipped).
      UPSTREAM_CACHE_TTL_MS: '0',
      UPSTREAM_COALESCING: 'false',
      ...row.env,
      NODE_ENV: 'production',
      CURSOR_SECRET_EPHEMERAL: 'true',
      UPSTREAM_BASE_URL: upstream.url,
      HOST: '127.0.0.1',
      LOG_LEVEL: row.logLevel || 'warn',
    },
    '/health',
  );
}

/** Distinct job ids under each top-level field of `data`, summed: the same count for the floor and the gateway. */
function countJobs(data) {
  let total = 0;
  for (const value of Object.values(data)) {
    const ids = new Set();
    const stack = [value];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === 'object') {
        if (typeof node.id === 'string' && node.id.startsWith('jobrun-')) ids.add(node.id);
        stack.push(...Object.values(node));
      }
    }
    total += ids.size;
  }
  return total;
}

/** The request one row sends, and a reference answer checked in full (no errors, every job there). */
async function prepare(row, targetUrl, upstream) {
  if (row.workload === 'direct') {
    const url = `${upstream.url}/processRuns/${seedId}`;
    const text = await (await fetch(url)).text();
    if (countJobs({ run: JSON.parse(text) }) !== scenarios.seed.expectJobs) throw new Error('direct: wrong job count');
    return { request: { url, method: 'GET' }, expected: text, upstreamCalls: 1 };
  }
  const scenario = scenarios[row.workload];
  const body = JSON.stringify({ query: scenario.query, variables: scenario.variables });
  const headers = { 'content-type': 'application/json', authorization: AUTH };
  await upstream.control('/__reset');
  const response = await fetch(`${targetUrl}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  const { calls } = await upstream.control('/__stats');
  const parsed = JSON.parse(text);
  if (response.status !== 200 || parsed.errors || !parsed.data)
    throw new Error(`${row.name}: bad answer ${response.status} ${text.slice(0, 500)}`);
  const jobs = countJobs(parsed.data);
  if (jobs !== scenario.expectJobs) throw new Error(`${row.name}: ${jobs} jobs, expected ${scenario.expectJobs}`);
  if (scenario.check && !scenario.check(parsed.data))
    throw new Error(`${row.name}: the answer fails the workload's check`);
  return {
    request: { url: `${targetUrl}/graphql`, method: 'POST', headers, body },
    expected: text,
    upstreamCalls: calls,
  };
}

function load(request, expected, seconds, connections) {
  return autocannon({
    ...request,
    connections,
    duration: seconds,
    // 50 concurrent 2,000-job operations queue behind each other on one core: a slow answer is not a failure.
    timeout: 60,
    // Answers are deterministic: every one must equal the reference answer checked in full above.
    verifyBody: (body) => body === expected,
  });
}

async function measure(row, round, upstream, baseline) {
  const target = row.target === 'upstream' ? upstream : await startTarget(row, round, upstream, baseline);
  try {
    await upstream.control(`/__delay/${row.delayMs || 0}`);
    const { request, expected, upstreamCalls } = await prepare(row, target.url, upstream);
    const connections = row.connections || 10;
    await load(request, expected, WARMUP, connections);
    const loadBefore = os.loadavg()[0];
    const cpuBefore = cpuMs(target.pid);
    const result = await load(request, expected, Math.max(SECONDS, row.minSeconds || 0), connections);
    const cpuAfter = cpuMs(target.pid);
    const loadAfter = os.loadavg()[0];
    const completed = result['2xx'];
    const seconds = Math.max(SECONDS, row.minSeconds || 0);
    // Wrong answers always fail; a request still waiting when the window closes is not an answer at all.
    const wrong = {
      'wrong bodies': result.mismatches,
      'non-2xx answers': result.non2xx,
      'connection errors': result.errors,
    };
    const problems = Object.entries(wrong)
      .filter(([, count]) => count > 0)
      .map(([what, count]) => `${count} ${what}`);
    if (!SMOKE && result.timeouts > 0) problems.push(`${result.timeouts} requests over the 60 s request timeout`);
    if (problems.length > 0) {
      throw new Error(
        `${row.name}: ${problems.join(', ')} (of ${completed} answers in ${seconds} s under load; the reference answer was correct)`,
      );
    }
    if (completed === 0) {
      const what = `${row.name}: no request completed within the ${seconds} s window under load (machine busy?); the reference answer was checked in full and was correct`;
      if (!SMOKE) throw new Error(`${what}; raise BENCH_SECONDS to measure`);
      console.log(`  note: ${what}`);
    }
    return {
      reqPerSec: completed / (result.duration || seconds),
      p50: result.latency.p50,
      p99: result.latency.p99,
      cpuMsPerReq: cpuBefore === null || completed === 0 ? null : (cpuAfter - cpuBefore) / completed,
      peakRssMb: peakRssMb(target.pid),
      upstreamCallsPerOp: upstreamCalls,
      requests: completed,
      responseBytes: Buffer.byteLength(expected),
      loadAvg: (loadBefore + loadAfter) / 2,
    };
  } finally {
    await upstream.control('/__delay/0');
    if (target !== upstream) await target.stop();
  }
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** True when two figures were measured under comparable machine load (see LOAD_FACTOR). */
function comparableLoad(a, b) {
  const low = Math.max(1, Math.min(a, b));
  return Math.max(a, b) / low <= LOAD_FACTOR;
}

/**
 * The median over rounds of `row`'s figure divided by `other`'s from the same round, using only rounds whose loads
 * were comparable; `skipped` lists the rounds left out, with their loads.
 */
function roundRatio(runs, row, other, key) {
  const ratios = [];
  const skipped = [];
  for (const mine of runs.filter((run) => run.row === row)) {
    const theirs = runs.find((run) => run.row === other && run.round === mine.round);
    if (!theirs || mine.result[key] == null || theirs.result[key] == null) continue;
    if (!comparableLoad(mine.result.loadAvg, theirs.result.loadAvg)) {
      skipped.push(
        `round ${mine.round}: load ${mine.result.loadAvg.toFixed(1)} vs ${theirs.result.loadAvg.toFixed(1)}`,
      );
      continue;
    }
    ratios.push(mine.result[key] / theirs.result[key]);
  }
  // The median: one round disturbed by a burst the 1-minute load average is too slow to show cannot carry the verdict.
  return { ratio: ratios.length ? median(ratios) : null, rounds: ratios, skipped };
}

function floorOf(name) {
  const row = ROWS.find((r) => r.name === name);
  const workload = row.workload === 'fanout' ? 'fan-out' : row.workload;
  if (row.connections === 50) return `floor ${workload} 50 conns`;
  return `floor ${workload}`;
}

function summarise(runs) {
  const summary = {};
  for (const row of ROWS) {
    const samples = runs.filter((run) => run.row === row.name).map((run) => run.result);
    if (samples.length === 0) continue;
    const pick = (key) => samples.map((s) => s[key]).filter((v) => v !== null);
    summary[row.name] = {
      reqPerSec: mean(pick('reqPerSec')),
      reqPerSecRounds: pick('reqPerSec'),
      p50: mean(pick('p50')),
      p99: mean(pick('p99')),
      cpuMsPerReq: pick('cpuMsPerReq').length ? mean(pick('cpuMsPerReq')) : null,
      peakRssMb: pick('peakRssMb').length ? Math.max(...pick('peakRssMb')) : null,
      upstreamCallsPerOp: mean(pick('upstreamCallsPerOp')),
      responseBytes: samples[0].responseBytes,
      loadAvgRounds: pick('loadAvg'),
    };
  }
  for (const [name, s] of Object.entries(summary)) {
    const floor =
      (name.startsWith('gateway') || name.startsWith('baseline')) && summary[floorOf(name)] ? floorOf(name) : null;
    s.throughputVsFloor = floor ? roundRatio(runs, name, floor, 'reqPerSec') : null;
    s.cpuVsFloor = floor ? roundRatio(runs, name, floor, 'cpuMsPerReq') : null;
    s.rssVsFloor = floor ? roundRatio(runs, name, floor, 'peakRssMb') : null;
    const reference = ROWS.find((row) => row.referenceOf === name);
    s.cpuVsReference =
      reference && summary[reference.name] ? roundRatio(runs, name, reference.name, 'cpuMsPerReq') : null;
    const baseline = ROWS.find((row) => row.baselineOf === name);
    s.cpuVsBaseline = baseline && summary[baseline.name] ? roundRatio(runs, name, baseline.name, 'cpuMsPerReq') : null;
  }
  return summary;
}

/** A ratio target: MET/MISSED from the load-comparable rounds, SKIPPED (with the loads) when there are none. */
function ratioCheck(target, comparison, bar) {
  if (!comparison) return null;
  const skippedNote = comparison.skipped.length ? `; left out for load: ${comparison.skipped.join(', ')}` : '';
  if (comparison.ratio === null) return { target, value: `no round with comparable load${skippedNote}`, met: null };
  const rounds = comparison.rounds.map((r) => r.toFixed(2)).join(' / ');
  return {
    target,
    value: `${comparison.ratio.toFixed(2)}× (rounds ${rounds})${skippedNote}`,
    met: comparison.ratio <= bar,
  };
}

function targets(summary) {
  const checks = [];
  const s = (name) => summary[name];
  const seedTarget = "seed CPU/request ≤ 0.67× the baseline build (today's build when issue 13 was filed)";
  if (baselineLeftOut && s('gateway seed'))
    checks.push({ target: seedTarget, value: `no baseline build: ${baselineLeftOut}`, met: null });
  else checks.push(ratioCheck(seedTarget, s('gateway seed')?.cpuVsBaseline, 0.67));
  if (s('gateway seed')?.throughputVsFloor) {
    const c = ratioCheck('seed throughput ≥ 0.3× floor', s('gateway seed').throughputVsFloor, Infinity);
    if (c && c.met !== null) c.met = s('gateway seed').throughputVsFloor.ratio >= 0.3;
    checks.push(c);
  }
  checks.push(ratioCheck('large (2,000 jobs) CPU/request ≤ 0.85× floor', s('gateway large')?.cpuVsFloor, 0.85));
  for (const [row, what] of [
    ['gateway large', '10'],
    ['gateway large 50 conns', '50'],
    ['gateway large cache on', '10 (cache on)'],
    ['gateway large 50 conns cache on', '50 (cache on)'],
  ])
    checks.push(ratioCheck(`peak RSS, ${what} concurrent large operations ≤ 1.1× floor`, s(row)?.rssVsFloor, 1.1));
  if (s('gateway fan-out 1 conn')) {
    const { p50, upstreamCallsPerOp } = s('gateway fan-out 1 conn');
    checks.push({
      target: `fan-out: 20 upstream calls concurrent (each ${FANOUT_DELAY_MS} ms; serial would be ≥ ${20 * FANOUT_DELAY_MS} ms)`,
      value: `p50 ${p50.toFixed(0)} ms, ${upstreamCallsPerOp.toFixed(1)} calls/op`,
      met: p50 < 3 * FANOUT_DELAY_MS && Math.abs(upstreamCallsPerOp - 20) < 0.5,
    });
  }
  return checks.filter(Boolean);
}

function fmt(value, digits = 0) {
  return value === null || value === undefined ? '-' : value.toFixed(digits);
}

function printTable(summary) {
  const header = [
    'scenario',
    'req/s (rounds)',
    'load (rounds)',
    'p50 ms',
    'p99 ms',
    'CPU ms/req',
    'peak RSS MB',
    'upstream/op',
    'vs floor req/s',
    'vs floor CPU',
    'vs baseline CPU',
    'vs reference CPU',
  ];
  const ratio = (comparison) =>
    !comparison ? '' : comparison.ratio === null ? 'load differs' : `${comparison.ratio.toFixed(2)}×`;
  const lines = Object.entries(summary).map(([name, s]) => [
    name,
    `${fmt(s.reqPerSec)} (${s.reqPerSecRounds.map((v) => fmt(v)).join(' / ')})`,
    s.loadAvgRounds.map((v) => fmt(v, 1)).join(' / '),
    fmt(s.p50, 1),
    fmt(s.p99, 1),
    fmt(s.cpuMsPerReq, 3),
    fmt(s.peakRssMb),
    fmt(s.upstreamCallsPerOp, 1),
    ratio(s.throughputVsFloor),
    ratio(s.cpuVsFloor),
    ratio(s.cpuVsBaseline),
    ratio(s.cpuVsReference),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const row = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(row(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(row(line));
}

async function main() {
  if (pin) spawnSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    pinned: pin ? 'servers on core 0; load generator and fake upstream on core 1' : 'not pinned',
  };
  const baseline = ROWS.some((row) => row.target === 'baseline') ? baselineBuild() : null;
  if (baseline?.problem) leaveOutBaseline(baseline.problem);
  machine.baseline = baseline && !baseline.problem ? baseline.commit : null;
  console.log(
    `bench: ${ROUNDS} round(s) × ${ROWS.length} rows, warm-up ${WARMUP} s, ${SECONDS} s each; ${machine.cpu} ×${machine.cores}, Node ${machine.node}; ${machine.pinned}`,
  );
  if (PROFILE_DIR)
    console.log(
      `profiling into ${path.relative(ROOT, PROFILE_DIR)}: the figures below include the profiler's cost (no verdicts)`,
    );
  const upstream = await startUpstream();
  const runs = [];
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const row of [...ROWS]) {
        if (!ROWS.includes(row)) continue;
        let result;
        try {
          result = await measure(row, round, upstream, baseline);
        } catch (error) {
          // An old build that cannot answer today's workloads says so; it never fails the bench (or CI's smoke).
          if (row.target !== 'baseline') throw error;
          leaveOutBaseline(`${row.name} failed: ${error.message}`);
          continue;
        }
        console.log(
          `  round ${round} ${row.name}: ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50} ms, CPU ${fmt(result.cpuMsPerReq, 3)} ms/req, peak RSS ${fmt(result.peakRssMb)} MB, load ${fmt(result.loadAvg, 1)}`,
        );
        runs.push({ round, row: row.name, result });
      }
    }
  } finally {
    await upstream.stop();
  }
  const summary = summarise(runs);
  console.log('');
  printTable(summary);
  const checks = targets(summary);
  console.log('');
  if (PROFILE_DIR)
    console.log(
      `no verdicts from a profiled run; profiles in ${path.relative(ROOT, PROFILE_DIR)} (bench/cpuprofile-summary.js)`,
    );
  else
    for (const check of checks)
      console.log(
        `${check.met === null ? 'SKIPPED' : check.met ? 'MET    ' : 'MISSED '} ${check.target}: ${check.value}`,
      );
  const file = path.join(__dirname, 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine, seconds: SECONDS, warmupSeconds: WARMUP, rounds: ROUNDS, loadFactor: LOAD_FACTOR, gatewayNodeOptions: GATEWAY_NODE_OPTIONS, profiled: PROFILE_DIR !== null, summary, targets: PROFILE_DIR ? [] : checks, runs }, null, 2)}\n`,
  );
  console.log(`\nwritten ${path.relative(ROOT, file)}`);
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack || error}`);
  process.exit(1);
});
