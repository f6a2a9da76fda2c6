'use strict';
// `npm run bench:dashboard`: upstream calls per answered operation with the answer cache on and off (issue 22).
// Dashboard: DASH_CLIENTS (200) clients each re-read a random one of 20 runs every 2 s for DASH_SECONDS (60), per
// setting: cache and coalescing off (as before issue 22), cache off (UPSTREAM_CACHE_TTL_MS=0: coalescing only), TTL 1 s, TTL 5 s. Worst case: DISTINCT_RUNS
// (10,000) distinct runs read once each, cache off vs on (CPU per operation, peak RSS). Ratios in one run, no verdicts
// on wall-clock figures. BENCH_SMOKE=true: a few seconds and 500 distinct runs, only correctness is judged.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { freePort, startRedis } = require('./local-servers');
const { cpuMs, peakRssMb } = require('./proc-stats');
const { fanoutIds } = require('./workloads');

const SMOKE = process.env.BENCH_SMOKE === 'true';
const SECONDS = Number(process.env.DASH_SECONDS || (SMOKE ? 4 : 60));
const CLIENTS = Number(process.env.DASH_CLIENTS || 200);
const PERIOD_MS = 2_000;
const DISTINCT_RUNS = Number(process.env.DISTINCT_RUNS || (SMOKE ? 500 : 10_000));
const DISTINCT_CONCURRENCY = 10;
const ROOT = path.join(__dirname, '..');
const AUTH = 'Bearer bench-token';
// Dashboard runs move to a new revision this often; every answer's revision is checked against the fake's history.
const MOVE_MS = Number(process.env.DASH_MOVE_MS || 500);
// What every gateway here runs with: production as shipped (one cursor key shared by the replicas) and npm start's flag.
const GATEWAY_ENV = {
  NODE_ENV: 'production',
  CURSOR_SECRET: 'bench-cursor-secret-0123456789abcdef0123456789',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
};
const GATEWAY_NODE_OPTIONS = ['--max-semi-space-size=32'];
const QUERY =
  'query Dash($id: ID!) { processRun(id: $id) { id name status revision jobs { id status actionStatus } } }';

async function waitFor(url, child) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer within 20 s`);
}

async function start(script, env, probe) {
  const port = await freePort();
  const flags = script === 'dist/index.js' ? GATEWAY_NODE_OPTIONS : [];
  const child = spawn(process.execPath, [...flags, script], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url + probe, child);
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) =>
        child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
      ),
  };
}

async function upstreamCalls(upstream) {
  return (await (await fetch(`${upstream.url}/__stats`)).json()).calls;
}

/** One operation: its latency; fails unless it answered the run asked for without errors. `seen` gets its revision. */
async function readRun(gateway, id, authorization = AUTH, seen = null) {
  const started = performance.now();
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: QUERY, variables: { id } }),
  });
  const body = await response.json();
  const ok = response.status === 200 && !body.errors && body.data?.processRun?.id === id;
  if (!ok) throw new Error(`wrong answer for ${id}: ${JSON.stringify(body).slice(0, 300)}`);
  seen?.push({ id, revision: body.data.processRun.revision, at: Date.now() });
  return performance.now() - started;
}

const percentile = (sorted, p) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** `gateway` may be a list of replicas: CPU is summed over them, peak RSS is the largest. */
async function measure(gateway, upstream, work) {
  const replicas = Array.isArray(gateway) ? gateway : [gateway];
  const cpuOf = () =>
    replicas.reduce(
      (sum, replica) => (sum === null || cpuMs(replica.pid) === null ? null : sum + cpuMs(replica.pid)),
      0,
    );
  const callsBefore = await upstreamCalls(upstream);
  const cpuBefore = cpuOf();
  const latencies = await work();
  const cpuAfter = cpuOf();
  const calls = (await upstreamCalls(upstream)) - callsBefore;
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length,
    upstreamPer1000: latencies.length === 0 ? null : (1000 * calls) / latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMsPerOp: cpuBefore === null || latencies.length === 0 ? null : (cpuAfter - cpuBefore) / latencies.length,
    peakRssMb: Math.max(...replicas.map((replica) => peakRssMb(replica.pid) ?? 0)),
  };
}

/**
 * CLIENTS clients, each reading a random run every PERIOD_MS (first reads spread over the first period); with
 * `credentials` > 1, client i reads with token i mod credentials (the cache never shares answers across them).
 */
function dashboard(gateways, credentials = 1, seen = []) {
  const replicas = Array.isArray(gateways) ? gateways : [gateways];
  return async () => {
    const latencies = [];
    const endAt = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const authorization = credentials === 1 ? AUTH : `${AUTH}-${client % credentials}`;
        const gateway = replicas[client % replicas.length];
        await new Promise((resolve) => setTimeout(resolve, Math.random() * PERIOD_MS));
        while (performance.now() < endAt) {
          const next = performance.now() + PERIOD_MS;
          latencies.push(
            await readRun(gateway, fanoutIds[Math.floor(Math.random() * fanoutIds.length)], authorization, seen),
          );
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
        }
      }),
    );
    return latencies;
  };
}

function distinct(gateway) {
  return async () => {
    const latencies = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: DISTINCT_CONCURRENCY }, async () => {
        while (next < DISTINCT_RUNS) {
          const id = `processrun-distinct-${next++}`;
          latencies.push(await readRun(gateway, id));
        }
      }),
    );
    return latencies;
  };
}

/**
 * How long after its revision was replaced upstream each answer arrived. An answer may be up to its TTL old plus the
 * time the operation took; `overTtl` counts answers older than TTL + that operation's own p99 latency.
 */
function staleness(seen, history, ttlMs) {
  let maxMs = 0;
  const ages = [];
  for (const { id, revision, at } of seen) {
    const revisions = history[id] ?? [];
    const index = revisions.findIndex(([r]) => r === revision);
    if (index === -1) throw new Error(`${id}: revision ${revision} was never served by the fake`);
    const replacedAt = revisions[index + 1]?.[1];
    const age = replacedAt === undefined ? 0 : Math.max(0, at - replacedAt);
    ages.push(age);
    maxMs = Math.max(maxMs, age);
  }
  return { maxStaleMs: maxMs, staleAges: ages, ttlMs };
}

/** A real redis-server on a free port, nothing on disk; null when it is not installed. */
/** Three replicas at TTL 1 s, clients spread over them: each with its own local tier only, then sharing Redis. */
async function threeReplicas(upstream) {
  const redis = await startRedis();
  if (!redis) {
    console.log('three-replica rows left out: redis-server could not be started');
    return [];
  }
  const rows = [];
  try {
    for (const shared of [false, true]) {
      const env = {
        ...GATEWAY_ENV,
        UPSTREAM_BASE_URL: upstream.url,
        UPSTREAM_CACHE_TTL_MS: '1000',
        ...(shared ? { REDIS_URL: redis.url, LIVE_CREDENTIAL_SECRET: 'bench-credential-secret-0123456789abcdef' } : {}),
      };
      const replicas = await Promise.all([0, 1, 2].map(() => start('dist/index.js', env, '/health')));
      try {
        // Each replica must be on Redis before the window opens (its /ready says so).
        if (shared) for (const replica of replicas) await waitForRedis(replica);
        const result = await measure(replicas, upstream, dashboard(replicas));
        rows.push({
          workload: `dashboard TTL 1 s, 3 replicas, ${shared ? 'Redis tier' : 'local tiers only'}`,
          ...result,
          fewestPer1000: null,
        });
      } finally {
        await Promise.all(replicas.map((replica) => replica.stop()));
      }
    }
  } finally {
    await redis.stop();
  }
  return rows;
}

async function waitForRedis(replica) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const body = await (await fetch(`${replica.url}/ready`)).text();
    if (body.includes('"redis":"up"')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${replica.url}: not on redis within 20 s`);
}

const fmt = (value, digits = 1) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));

async function main() {
  const upstream = await start(path.join(__dirname, 'fake-upstream.js'), {}, '/__stats');
  const rows = [];
  try {
    const settings = [
      // What the gateway did before issue 22: one upstream call per operation.
      { name: 'cache and coalescing off', ttlMs: 0, credentials: 1, coalesce: false },
      { name: 'cache off', ttlMs: 0, credentials: 1 },
      { name: 'TTL 1 s', ttlMs: 1000, credentials: 1 },
      { name: 'TTL 5 s', ttlMs: 5000, credentials: 1 },
      { name: 'TTL 1 s, 20 credentials', ttlMs: 1000, credentials: 20 },
    ];
    for (const setting of settings) {
      const gateway = await start(
        'dist/index.js',
        {
          ...GATEWAY_ENV,
          UPSTREAM_BASE_URL: upstream.url,
          UPSTREAM_CACHE_TTL_MS: String(setting.ttlMs),
          UPSTREAM_COALESCING: String(setting.coalesce !== false),
        },
        '/health',
      );
      try {
        const seen = [];
        await fetch(`${upstream.url}/__move/${MOVE_MS}`, { method: 'POST' });
        const result = await measure(gateway, upstream, dashboard(gateway, setting.credentials, seen));
        await fetch(`${upstream.url}/__move/0`, { method: 'POST' });
        Object.assign(result, staleness(seen, await (await fetch(`${upstream.url}/__history`)).json(), setting.ttlMs));
        // One upstream call per run per TTL window is the fewest the TTL allows (from the operations answered: on a
        // busy machine fewer than CLIENTS per period complete, which lowers the ideal count per operation too).
        const windows = Math.ceil((SECONDS * 1000) / Math.max(setting.ttlMs, 1));
        // Capped at one call per operation: with many credentials most keys are not read in every window.
        const fewest =
          setting.ttlMs === 0 || result.ops === 0
            ? null
            : Math.min(1000, (1000 * fanoutIds.length * setting.credentials * windows) / result.ops);
        rows.push({ workload: `dashboard ${setting.name}`, ...result, fewestPer1000: fewest });
      } finally {
        await gateway.stop();
      }
    }
    if (process.env.DASH_REDIS !== 'false') rows.push(...(await threeReplicas(upstream)));
    for (const setting of [
      { name: 'cache off', ttlMs: 0 },
      { name: 'TTL 1 s', ttlMs: 1000 },
    ]) {
      const gateway = await start(
        'dist/index.js',
        {
          ...GATEWAY_ENV,
          UPSTREAM_BASE_URL: upstream.url,
          UPSTREAM_CACHE_TTL_MS: String(setting.ttlMs),
          UPSTREAM_COALESCING: String(setting.coalesce !== false),
        },
        '/health',
      );
      try {
        rows.push({
          workload: `${DISTINCT_RUNS} distinct runs ${setting.name}`,
          ...(await measure(gateway, upstream, distinct(gateway))),
          fewestPer1000: 1000,
        });
      } finally {
        await gateway.stop();
      }
    }
  } finally {
    await upstream.stop();
  }
  console.log(
    `\n${CLIENTS} clients, 20 runs, one read each per ${PERIOD_MS / 1000} s for ${SECONDS} s; then ${DISTINCT_RUNS} distinct runs once each${SMOKE ? ' (smoke: figures not judged)' : ''}`,
  );
  console.log(
    '| workload | ops | upstream calls / 1,000 ops | fewest the TTL allows | p50 ms | p99 ms | CPU ms / op | peak RSS MB | answers older than TTL + p99 | oldest answer ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const over = row.staleAges ? row.staleAges.filter((age) => age > row.ttlMs + (row.p99 ?? 0)).length : null;
    console.log(
      `| ${row.workload} | ${row.ops} | ${fmt(row.upstreamPer1000)} | ${fmt(row.fewestPer1000)} | ${fmt(row.p50)} | ${fmt(row.p99)} | ${fmt(row.cpuMsPerOp, 3)} | ${fmt(row.peakRssMb)} | ${over ?? 'n/a'} | ${row.maxStaleMs === undefined ? 'n/a' : row.maxStaleMs} |`,
    );
  }
  const off = rows.find((row) => row.workload.endsWith('distinct runs cache off'));
  const on = rows.find((row) => row.workload.endsWith('distinct runs TTL 1 s'));
  if (off && on && off.cpuMsPerOp && on.cpuMsPerOp)
    console.log(`\ndistinct runs: CPU per op cache on / off = ${(on.cpuMsPerOp / off.cpuMsPerOp).toFixed(2)}x`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
