#!/usr/bin/env node
// Bounded scale-out measurement on loopback: a real redis-server, one fake upstream (in this process) and three
// built gateways (node dist/index.js), loaded by closed-loop clients spread over the three. Three runs:
//   memory   each replica its own budget (no REDIS_URL), budget never reached: the baseline latency
//   redis    the shared budget in Redis, budget never reached: the latency the shared budget adds
//   budget   the shared budget at SCALE_BUDGET calls/s, offered load above it: upstream calls/s against the budget
// and, in this process, the cost of one budget decision alone (TokenBucket.take vs SharedRateBudget.take, sequential),
// which the end-to-end latencies on a busy 2-core machine are too noisy to show.
//
//   npm run build && node scripts/scale-out-load.js
//   SCALE_SECONDS=10 SCALE_CLIENTS=30 SCALE_BUDGET=50 SCALE_ROUNDS=2 node scripts/scale-out-load.js
// memory and redis alternate for SCALE_ROUNDS rounds (ABBA order), so a machine busy with other work skews both alike.
'use strict';

const { spawn } = require('node:child_process');
const { createServer } = require('node:http');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Pool } = require('undici');

const { wholeNumber } = require('./env-knobs');

const root = join(__dirname, '..');
const { seedProcessRun } = require(join(root, 'dist', 'demo', 'fixtures'));

const SECONDS = wholeNumber('SCALE_SECONDS', 10, 2, 120);
const CLIENTS = wholeNumber('SCALE_CLIENTS', 30, 3, 600);
const BUDGET = wholeNumber('SCALE_BUDGET', 50, 1, 100_000);
const ROUNDS = wholeNumber('SCALE_ROUNDS', 2, 1, 10);
const REPLICAS = 3;

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'prg-scale-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Counts upstream calls per wall-clock second. */
async function startUpstream() {
  const perSecond = new Map();
  const server = createServer((request, response) => {
    const second = Math.floor(Date.now() / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    const id = decodeURIComponent(new URL(request.url, 'http://x').pathname.split('/')[2] ?? 'unknown');
    const text = JSON.stringify({ ...seedProcessRun, id });
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    perSecond,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function spawnGateway(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], {
    // The answer cache off: this load measures the budget and Redis latency, one upstream call per operation.
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      UPSTREAM_CACHE_TTL_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    try {
      const ready = await fetch(`${url}/ready`);
      const body = ready.status === 200 ? await ready.text() : '';
      // With Redis: wait until the replica is on the shared budget.
      if (ready.status === 200 && (!env.REDIS_URL || body.includes('"redis":"up"'))) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 20_000) throw new Error('gateway did not become ready within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(name, env, upstream) {
  const gateways = await Promise.all(
    Array.from({ length: REPLICAS }, () => spawnGateway({ UPSTREAM_BASE_URL: upstream.url, ...env })),
  );
  const pools = gateways.map((gateway) => new Pool(gateway.url, { connections: Math.ceil(CLIENTS / REPLICAS) }));
  const stats = { latencies: [], ok: 0, codes: {} };
  upstream.perSecond.clear();
  const started = Date.now();
  const until = started + SECONDS * 1000;
  let sequence = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, index) => {
      const pool = pools[index % REPLICAS];
      while (Date.now() < until) {
        const id = `run-${(sequence += 1)}`;
        const t0 = performance.now();
        const response = await pool.request({
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer load-token' },
          body: JSON.stringify({
            query: 'query($id: ID!) { processRun(id: $id) { id name status } }',
            variables: { id },
          }),
        });
        const body = await response.body.json();
        stats.latencies.push(performance.now() - t0);
        if (!body.errors) stats.ok += 1;
        for (const error of body.errors ?? [])
          stats.codes[error.extensions?.code] = (stats.codes[error.extensions?.code] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  await Promise.all(pools.map((pool) => pool.close()));
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  // Whole seconds only: the first and last are partial.
  const seconds = [...upstream.perSecond.entries()]
    .sort(([a], [b]) => a - b)
    .slice(1, -1)
    .map(([, count]) => count);
  const sorted = stats.latencies.sort((a, b) => a - b);
  return {
    name,
    latencies: sorted,
    operations: sorted.length,
    opsPerSecond: Math.round(sorted.length / elapsed),
    ok: stats.ok,
    errors: stats.codes,
    latencyMs: { median: +percentile(sorted, 50).toFixed(2), p99: +percentile(sorted, 99).toFixed(2) },
    upstreamCallsPerSecond: {
      mean: seconds.length ? Math.round(seconds.reduce((a, b) => a + b, 0) / seconds.length) : NaN,
      max: seconds.length ? Math.max(...seconds) : NaN,
      eachSecond: seconds,
    },
  };
}

/** Sequential take() calls: the time one budget decision adds to an upstream call, in microseconds. */
async function budgetDecisionCost(redisUrl) {
  const pino = require('pino');
  const { TokenBucket } = require(join(root, 'dist', 'upstream', 'resilience', 'token-bucket'));
  const { SharedRateBudget } = require(join(root, 'dist', 'upstream', 'resilience', 'shared-rate-budget'));
  const { RedisConnection } = require(join(root, 'dist', 'redis', 'redis-connection'));
  const rate = { limit: 100_000_000, windowMs: 60_000 };
  const connection = new RedisConnection(
    { url: redisUrl, target: 'bench', keyPrefix: 'bench:', fallbackBudgetShare: 1, commandTimeoutMs: 500 },
    pino({ level: 'silent' }),
  );
  while (connection.state !== 'up') await new Promise((resolve) => setTimeout(resolve, 20));
  const measure = async (budget, calls) => {
    const times = [];
    for (let i = 0; i < calls; i += 1) {
      const t0 = performance.now();
      if ((await budget.take()) !== null) throw new Error('budget refused during the measurement');
      times.push((performance.now() - t0) * 1000);
    }
    times.sort((a, b) => a - b);
    return { calls, medianUs: Math.round(percentile(times, 50)), p99Us: Math.round(percentile(times, 99)) };
  };
  const shared = new SharedRateBudget({
    rate,
    client: connection.client,
    fallbackShare: () => 1,
    redisAvailable: () => connection.available,
  });
  await measure(shared, 500); // warm-up: script load, JIT
  const result = { memory: await measure(new TokenBucket(rate), 5000), redis: await measure(shared, 5000) };
  await connection.close();
  return result;
}

async function main() {
  const redis = await startRedis();
  const upstream = await startUpstream();
  const results = [];
  let decision;
  try {
    decision = await budgetDecisionCost(redis.url);
    const unlimited = '1000000/1s';
    const modes = {
      memory: { UPSTREAM_RATE_LIMIT: unlimited },
      redis: { UPSTREAM_RATE_LIMIT: unlimited, REDIS_URL: redis.url },
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const name of round % 2 === 0 ? ['memory', 'redis'] : ['redis', 'memory'])
        results.push(await run(name, modes[name], upstream));
    }
    results.push(await run('budget', { UPSTREAM_RATE_LIMIT: `${BUDGET}/1s`, REDIS_URL: redis.url }, upstream));
  } finally {
    await upstream.close();
    await redis.stop();
  }
  const pooled = (name) => {
    const all = results
      .filter((result) => result.name === name)
      .flatMap((result) => result.latencies)
      .sort((a, b) => a - b);
    return { operations: all.length, median: +percentile(all, 50).toFixed(2), p99: +percentile(all, 99).toFixed(2) };
  };
  const memory = pooled('memory');
  const shared = pooled('redis');
  for (const result of results) delete result.latencies;
  process.stdout.write(
    `${JSON.stringify(
      {
        setup: {
          replicas: REPLICAS,
          clients: CLIENTS,
          secondsPerRun: SECONDS,
          budgetPerSecond: BUDGET,
          node: process.version,
        },
        budgetDecision: decision,
        runs: results,
        endToEndLatencyMs: { memory, redis: shared },
        addedBySharedBudgetMs: {
          median: +(shared.median - memory.median).toFixed(2),
          p99: +(shared.p99 - memory.p99).toFixed(2),
        },
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
