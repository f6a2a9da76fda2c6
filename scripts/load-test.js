#!/usr/bin/env node
// Bounded load test: the built gateway (node dist/index.js) as a real process in front of a fake upstream in this
// process, where a share of the upstream calls fail in every way the upstream can fail. Reports operations served,
// errors by code, crashes, unhandled rejections and RSS; exits non-zero on a crash or an unhandled rejection.
//
//   npm run test:load                      200 clients for 30 s, 10% of upstream calls faulty
//   LOAD_SECONDS=5 LOAD_CLIENTS=50 LOAD_FAULT_RATE=0.2 npm run test:load
'use strict';

const { spawn } = require('node:child_process');
const { createServer } = require('node:http');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Pool } = require('undici');

const { number } = require('./env-knobs');

const root = join(__dirname, '..');
const { seedProcessRun } = require(join(root, 'dist', 'demo', 'fixtures'));

const SECONDS = number('LOAD_SECONDS', 30, 1, 600);
const CLIENTS = number('LOAD_CLIENTS', 200, 1, 2000);
const FAULT_RATE = number('LOAD_FAULT_RATE', 0.1, 0, 1);
const RUN_IDS = 500;
const HEAP_SNAPSHOT_DIR = process.env.LOAD_HEAP_SNAPSHOT_DIR;

// Each faulty upstream answer is one of these, chosen at random.
const FAULTS = {
  'http-503': (response) => send(response, 503, { code: '503', message: 'Service Unavailable' }),
  'http-502': (response) => send(response, 502, { code: '502', message: 'Bad Gateway' }),
  'http-500': (response) => send(response, 500, { code: '500', message: 'Internal Server Error' }),
  'http-429': (response) => send(response, 429, { code: '429', message: 'Too Many Requests' }, { 'retry-after': '1' }),
  'http-404': (response) => send(response, 404, { code: '404', message: 'Could not find process run' }),
  reset: (_response, request) => request.socket.destroy(),
  'invalid-json': (response) => send(response, 200, '{"id": "broken", '),
  'truncated-body': (response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
    response.end('{"id":"cut-off"');
  },
  'unknown-variants': (response, request) =>
    send(response, 200, {
      ...runFor(request),
      status: 'paused',
      root: { ...seedProcessRun.root, children: [{ type: 'mystery', x: 1 }] },
    }),
  'slow-2s': (response, request) => setTimeout(() => send(response, 200, runFor(request)), 2_000),
};
const FAULT_NAMES = Object.keys(FAULTS);

function runFor(request) {
  const id = decodeURIComponent(new URL(request.url, 'http://x').pathname.split('/')[2] ?? 'unknown');
  return { ...seedProcessRun, id };
}

function send(response, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

async function startFakeUpstream(counts) {
  const server = createServer((request, response) => {
    counts.upstreamCalls++;
    if (Math.random() < FAULT_RATE) {
      const name = FAULT_NAMES[Math.floor(Math.random() * FAULT_NAMES.length)];
      counts.faults[name] = (counts.faults[name] ?? 0) + 1;
      FAULTS[name](response, request);
      return;
    }
    setTimeout(() => send(response, 200, runFor(request)), Math.random() * 20);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function rssKiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const read = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: read('VmRSS'), peak: read('VmHWM') };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** [heap allocated, heap used, external] in MiB from the gateway's /metrics; null when it does not answer. */
async function v8MemoryMiB(url) {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const read = (name) => Math.round(Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN) / 1048576);
    return [
      read('nodejs_heap_size_total_bytes'),
      read('nodejs_heap_size_used_bytes'),
      read('nodejs_external_memory_bytes'),
    ];
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function spawnGateway(upstreamUrl) {
  const port = await freePort();
  // LOAD_CPU_PROFILE_DIR=dir writes a V8 CPU profile of the gateway there (open it in Chrome DevTools).
  const profile = process.env.LOAD_CPU_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_CPU_PROFILE_DIR}`]
    : [];
  // LOAD_HEAP_SNAPSHOT_DIR=dir writes heap snapshots there, a third into the run and at its end: compare them in DevTools.
  const heap = HEAP_SNAPSHOT_DIR ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${HEAP_SNAPSHOT_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, ...heap, join(root, 'dist', 'index.js')], {
    // LOAD_NODE_OPTIONS: the gateway's NODE_OPTIONS (e.g. the image's flags and a heap bound), none by default.
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      UPSTREAM_BASE_URL: upstreamUrl,
      LOG_LEVEL: process.env.LOAD_LOG_LEVEL ?? 'warn',
      NODE_OPTIONS: process.env.LOAD_NODE_OPTIONS ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { unhandled: 0, errorLines: 0, stderr: '' };
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('unhandled promise rejection')) output.unhandled++;
      if (line.includes('"level":50') || line.includes('"level":60')) output.errorLines++;
    }
  });
  child.stderr.on('data', (chunk) => (output.stderr += chunk.toString('utf8')));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited at start: ${output.stderr}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 20_000) throw new Error('gateway did not start within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, url, output, exited };
}

// The operation mix a busy gateway sees: mostly single runs, some whole trees, some batches, a few hostile ones.
const QUERIES = [
  {
    weight: 60,
    build: (id) => ({
      query: 'query($id: ID!) { processRun(id: $id) { id name status dueDate statusCounts { status count } } }',
      variables: { id },
    }),
  },
  {
    weight: 20,
    build: (id) => ({
      query: `query($id: ID!) { processRun(id: $id) { id root { id children { __typename ... on JobRun { id status action
        arguments { __typename ... on TaskJobArguments { title assignee { __typename ... on User { id } } } }
        metadata { __typename ... on TaskJobMetadata { status permalink } } } ... on GroupRun { id children { __typename } } } } jobs { id } } }`,
      variables: { id },
    }),
  },
  {
    weight: 15,
    build: (id) => ({
      query: `{ ${[0, 1, 2, 3, 4].map((n) => `r${n}: processRun(id: "${id}-${n}") { id status }`).join(' ')} }`,
    }),
  },
  {
    weight: 3,
    build: () => ({
      query: `{ processRun(id: "x") { root { ${'children { ... on GroupRun { '.repeat(60)}id${' } }'.repeat(60)} } } }`,
    }),
  },
  {
    weight: 2,
    build: () => ({ query: 'query($id: ID!) { processRun(id: $id) { id } }', variables: { id: '../../admin?x=1#y' } }),
  },
];
const TOTAL_WEIGHT = QUERIES.reduce((sum, query) => sum + query.weight, 0);

function pickOperation() {
  let roll = Math.random() * TOTAL_WEIGHT;
  const id = `run-${Math.floor(Math.random() * RUN_IDS)}`;
  for (const query of QUERIES) {
    roll -= query.weight;
    if (roll < 0) return query.build(id);
  }
  return QUERIES[0].build(id);
}

async function client(pool, until, stats) {
  while (Date.now() < until) {
    const started = performance.now();
    try {
      const response = await pool.request({
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer load-test-token' },
        body: JSON.stringify(pickOperation()),
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      });
      const body = await response.body.json();
      stats.served++;
      stats.latencies.push(performance.now() - started);
      const codes = new Set((body.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE'));
      if (codes.size === 0) stats.ok++;
      for (const code of codes) stats.errorsByCode[code] = (stats.errorsByCode[code] ?? 0) + 1;
      stats.httpStatus[response.statusCode] = (stats.httpStatus[response.statusCode] ?? 0) + 1;
    } catch (error) {
      stats.transportFailures[error.code ?? error.name] = (stats.transportFailures[error.code ?? error.name] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

function percentile(sorted, p) {
  return sorted.length === 0
    ? NaN
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
}

async function main() {
  const upstreamCounts = { upstreamCalls: 0, faults: {} };
  const upstream = await startFakeUpstream(upstreamCounts);
  const gateway = await spawnGateway(upstream.url);
  const rssStart = rssKiB(gateway.child.pid);
  const cpuStart = cpuSeconds(gateway.child.pid);
  const stats = { served: 0, ok: 0, errorsByCode: {}, httpStatus: {}, transportFailures: {}, latencies: [] };
  const pool = new Pool(gateway.url, { connections: CLIENTS, pipelining: 1 });

  process.stdout.write(
    `load: ${CLIENTS} clients for ${SECONDS} s, ${Math.round(FAULT_RATE * 100)}% of upstream calls faulty\n`,
  );
  const started = Date.now();
  const until = started + SECONDS * 1000;
  let crashedDuringRun = false;
  gateway.child.once('exit', () => (crashedDuringRun = Date.now() < until));
  // RSS every 5 s: a plateau is a warm heap, a steady climb is a leak.
  const rssSeries = [];
  // Beside RSS, V8's heap (allocated, used) and external memory from /metrics, in MiB: which of them grows.
  const heapSeries = [];
  const sampler = setInterval(() => {
    rssSeries.push(rssKiB(gateway.child.pid).rss);
    void v8MemoryMiB(gateway.url).then((sample) => sample && heapSeries.push(sample));
  }, 5_000);
  const snapshot = HEAP_SNAPSHOT_DIR ? setTimeout(() => gateway.child.kill('SIGUSR2'), (SECONDS * 1000) / 3) : null;
  await Promise.all(Array.from({ length: CLIENTS }, () => client(pool, until, stats)));
  if (snapshot) {
    clearTimeout(snapshot);
    gateway.child.kill('SIGUSR2');
  }
  clearInterval(sampler);
  const elapsedSeconds = (Date.now() - started) / 1000;
  const rssEnd = rssKiB(gateway.child.pid);
  const cpuUsed = cpuSeconds(gateway.child.pid) - cpuStart;

  let healthStatus;
  try {
    healthStatus = (await fetch(`${gateway.url}/health`)).status;
  } catch {
    healthStatus = 'unreachable';
  }
  const aliveAtEnd = gateway.child.exitCode === null && gateway.child.signalCode === null;
  await pool.close();

  gateway.child.kill('SIGTERM');
  const exit = await gateway.exited;
  upstream.server.closeAllConnections();
  await new Promise((resolve) => upstream.server.close(resolve));

  const crashes = crashedDuringRun || !aliveAtEnd || healthStatus !== 200 ? 1 : 0;
  const latencies = stats.latencies.sort((a, b) => a - b);
  const report = {
    clients: CLIENTS,
    seconds: Number(elapsedSeconds.toFixed(1)),
    faultRate: FAULT_RATE,
    operationsServed: stats.served,
    operationsPerSecond: Math.round(stats.served / elapsedSeconds),
    operationsWithoutErrors: stats.ok,
    errorsByCode: stats.errorsByCode,
    httpStatus: stats.httpStatus,
    transportFailures: stats.transportFailures,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: Math.round(latencies.at(-1) ?? NaN),
    },
    upstreamCalls: upstreamCounts.upstreamCalls,
    upstreamFaultsInjected: upstreamCounts.faults,
    crashes,
    healthAtEnd: healthStatus,
    unhandledRejections: gateway.output.unhandled,
    gatewayErrorLogLines: gateway.output.errorLines,
    rssKiB: { start: rssStart.rss, end: rssEnd.rss, peak: rssEnd.peak, every5s: rssSeries },
    v8MiBEvery5s: heapSeries,
    gatewayCpuSeconds: Number(cpuUsed.toFixed(1)),
    gatewayCpuMsPerOperation: Number(((cpuUsed * 1000) / Math.max(1, stats.served)).toFixed(2)),
    shutdown: exit,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (gateway.output.stderr) process.stdout.write(`gateway stderr:\n${gateway.output.stderr.slice(0, 4000)}\n`);
  const failed = crashes > 0 || gateway.output.unhandled > 0 || stats.served === 0 || exit.code !== 0;
  process.stdout.write(failed ? 'load: FAILED\n' : 'load: ok (0 crashes, 0 unhandled rejections, clean shutdown)\n');
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`load test failed to run: ${error.stack ?? error}\n`);
  process.exit(1);
});
