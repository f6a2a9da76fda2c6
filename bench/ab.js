'use strict';
// Interleaved A/B of two gateway builds (or one build under two flag sets / env sets) on one workload: after a warm-up
// and one untimed slice each, short slices alternate A, B, B, A, … and each slice's server CPU per operation comes
// from /proc. Every answer must equal A's first answer byte for byte, and A's and B's first answers must be equal.
//
//   node bench/ab.js <distA> <distB> [slices=10] [sliceSeconds=3] [warmupSeconds=20]
//   WORKLOAD=seed|large|fanout|processes|distinct  NODE_OPTS_A / NODE_OPTS_B (default --max-semi-space-size=32, as npm start)
//   distinct: every request reads a run never read before (issue 22's worst case for the answer cache); answers are
//   compared with the run id blanked out.
//   --trace-gc in NODE_OPTS_A/B: each slice also counts that gateway's scavenges and mark-compacts and their pause ms.
//   ENV_A / ENV_B ("NAME=value,NAME=value", e.g. ENV_A=EXECUTION_FAST_PATH=false)
//   PROFILE=1: each gateway also writes a --cpu-prof profile to bench/results/ (see bench/cpuprofile-summary.js)
// Servers run on core 0, the fake upstream and autocannon on core 1 (taskset), like bench/run.js.
const path = require('node:path');
const os = require('node:os');
const { spawn } = require('node:child_process');
const autocannon = require('autocannon');
const { scenarios } = require('./workloads');
const { cpuMs, cpuMsSplit } = require('./proc-stats');

const ROOT = path.join(__dirname, '..');
const [distA, distB] = [process.argv[2], process.argv[3]];
const SLICES = Number(process.argv[4] || 10);
const SLICE_SECONDS = Number(process.argv[5] || 3);
const WARMUP_SECONDS = Number(process.argv[6] || 20);
const WORKLOAD = process.env.WORKLOAD || 'seed';
const BASE_PORT = Number(process.env.AB_BASE_PORT || 39100);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const envList = (text) =>
  Object.fromEntries(
    (text || '')
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=')),
  );

function start(core, argv, env, port, pipeStdout = false) {
  return spawn('taskset', ['-c', core, process.execPath, ...argv], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', pipeStdout ? 'pipe' : 'ignore', 'inherit'],
  });
}

// Dashboard-shaped read (bench/dashboard.js); the fake upstream answers any `processrun-distinct-<x>` with the seed run.
const DISTINCT = {
  query: 'query Dash($id: ID!) { processRun(id: $id) { id name status revision jobs { id status actionStatus } } }',
  variables: { id: 'processrun-distinct-[<id>]' },
};
const blankRunId = (text) => text.replace(/processrun-distinct-[A-Za-z0-9_-]+/g, 'processrun-distinct-X');

/** Counts of `--trace-gc` lines on a child's stdout (count and summed pause ms per kind), reset per slice. */
function gcCounter(child) {
  const counts = { scavenge: 0, scavengeMs: 0, markCompact: 0, markCompactMs: 0 };
  let partial = '';
  child.stdout.on('data', (chunk) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      const pause = /MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ ([\d.]+) ms/.exec(line);
      const ms = pause ? Number(pause[1]) : 0;
      if (line.includes('Scavenge')) {
        counts.scavenge++;
        counts.scavengeMs += ms;
      } else if (line.includes('Mark-Compact')) {
        counts.markCompact++;
        counts.markCompactMs += ms;
      }
    }
  });
  return () => {
    const taken = { ...counts };
    Object.assign(counts, { scavenge: 0, scavengeMs: 0, markCompact: 0, markCompactMs: 0 });
    return taken;
  };
}

async function waitUp(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  if (!distA) throw new Error('usage: node bench/ab.js <distA> [distB] [slices] [sliceSeconds] [warmupSeconds]');
  const upstreamPort = BASE_PORT + 1;
  const upstream = start('1', [path.join(__dirname, 'fake-upstream.js')], {}, upstreamPort);
  const gateways = [];
  try {
    await waitUp(`http://127.0.0.1:${upstreamPort}/__stats`);
    const dists = distB ? [distA, distB] : [distA];
    for (let i = 0; i < dists.length; i++) {
      const port = BASE_PORT + 10 + i;
      const flags = ((i === 0 ? process.env.NODE_OPTS_A : process.env.NODE_OPTS_B) ?? '--max-semi-space-size=32')
        .split(' ')
        .filter(Boolean);
      const profile = process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(__dirname, 'results')}`] : [];
      const env = {
        NODE_ENV: 'production',
        CURSOR_SECRET_EPHEMERAL: 'true',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        UPSTREAM_BASE_URL: `http://127.0.0.1:${upstreamPort}`,
        ...envList(i === 0 ? process.env.ENV_A : process.env.ENV_B),
      };
      const traceGc = flags.includes('--trace-gc');
      const child = start(
        '0',
        [...flags, ...profile, path.join(path.resolve(dists[i]), 'index.js')],
        env,
        port,
        traceGc,
      );
      gateways.push({
        child,
        gc: traceGc ? gcCounter(child) : null,
        url: `http://127.0.0.1:${port}/graphql`,
        name: `${String.fromCharCode(65 + i)} ${dists[i]} ${flags.join(' ')} ${i === 0 ? process.env.ENV_A || '' : process.env.ENV_B || ''}`.trim(),
      });
      await waitUp(`http://127.0.0.1:${port}/health`);
    }
    const distinct = WORKLOAD === 'distinct';
    const scenario = distinct ? DISTINCT : scenarios[WORKLOAD];
    const body = JSON.stringify({ query: scenario.query, variables: scenario.variables });
    const headers = { 'content-type': 'application/json', authorization: 'Bearer bench' };
    const expected = [];
    for (const [i, gateway] of gateways.entries()) {
      const first = distinct ? body.replace('[<id>]', `first-${i}`) : body;
      const text = await (await fetch(gateway.url, { method: 'POST', headers, body: first })).text();
      expected.push(distinct ? blankRunId(text) : text);
    }
    if (JSON.parse(expected[0]).errors) throw new Error(`A answers with errors: ${expected[0].slice(0, 300)}`);
    if (expected.length === 2 && expected[0] !== expected[1]) throw new Error('A and B answer differently');
    const run = (i, seconds) =>
      autocannon({
        url: gateways[i].url,
        method: 'POST',
        headers,
        body,
        connections: 10,
        duration: seconds,
        idReplacement: distinct,
        verifyBody: distinct ? (text) => blankRunId(text) === expected[0] : (text) => text === expected[0],
      });
    for (let i = 0; i < gateways.length; i++) await run(i, WARMUP_SECONDS);
    // A process idle during the other's warm-up pays for it in its first slice: one untimed slice each.
    for (let i = 0; i < gateways.length; i++) await run(i, SLICE_SECONDS);
    const slices = gateways.map(() => []);
    for (let s = 0; s < SLICES; s++) {
      const order = s % 2 === 0 ? [...gateways.keys()] : [...gateways.keys()].reverse();
      for (const i of order) {
        const splitBefore = cpuMsSplit(gateways[i].child.pid);
        const cpuBefore = cpuMs(gateways[i].child.pid);
        const load = os.loadavg()[0];
        gateways[i].gc?.();
        const result = await run(i, SLICE_SECONDS);
        const cpuAfter = cpuMs(gateways[i].child.pid);
        const splitAfter = cpuMsSplit(gateways[i].child.pid);
        const gc = gateways[i].gc?.();
        if (result.non2xx || result.errors || result.timeouts || result.mismatches) {
          throw new Error(
            `${gateways[i].name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.mismatches} wrong answers`,
          );
        }
        const ops = result.requests.total;
        slices[i].push({
          cpu: (cpuAfter - cpuBefore) / ops,
          rps: result.requests.average,
          load,
          gc: gc && { ...gc, ops },
          main: splitBefore && splitAfter ? (splitAfter.main - splitBefore.main) / ops : null,
          others: splitBefore && splitAfter ? (splitAfter.others - splitBefore.others) / ops : null,
        });
      }
    }
    for (let i = 0; i < gateways.length; i++) {
      const own = slices[i];
      console.log(
        `${gateways[i].name}: CPU ms/op median ${median(own.map((x) => x.cpu)).toFixed(3)} (slices ${own.map((x) => x.cpu.toFixed(3)).join(' ')}), req/s median ${median(own.map((x) => x.rps)).toFixed(0)}, load ${own.map((x) => x.load.toFixed(1)).join(' ')}`,
      );
      if (own[0].main !== null)
        console.log(
          `  CPU ms/op median on the main thread ${median(own.map((x) => x.main)).toFixed(3)}, on other threads (GC helpers, libuv) ${median(own.map((x) => x.others)).toFixed(3)}`,
        );
      if (own[0].gc) {
        const sum = (key) => own.reduce((total, x) => total + x.gc[key], 0);
        const per1000 = (key) => ((1000 * sum(key)) / sum('ops')).toFixed(2);
        console.log(
          `  GC per 1,000 ops: ${per1000('scavenge')} scavenges (${per1000('scavengeMs')} ms), ${per1000('markCompact')} mark-compacts (${per1000('markCompactMs')} ms)`,
        );
      }
    }
    if (gateways.length === 2) {
      const ratios = slices[0].map((a, k) => slices[1][k].cpu / a.cpu);
      console.log(
        `B/A CPU per op by slice pair: ${ratios.map((r) => r.toFixed(3)).join(' ')}; median ${median(ratios).toFixed(3)}, B lower in ${ratios.filter((r) => r < 1).length}/${ratios.length}`,
      );
    }
  } finally {
    for (const gateway of gateways) gateway.child.kill('SIGINT');
    await sleep(2000);
    upstream.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
