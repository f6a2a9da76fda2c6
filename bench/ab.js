'use strict';
// Interleaved A/B of two gateway builds (or one build under two flag sets / env sets) on one workload: after a warm-up
// and one untimed slice each, short slices alternate A, B, B, A, … and each slice's server CPU per operation comes
// from /proc. Every answer must equal A's first answer byte for byte, and A's and B's first answers must be equal.
//
//   node bench/ab.js <distA> <distB> [slices=10] [sliceSeconds=3] [warmupSeconds=20]
//   WORKLOAD=seed|large|fanout|processes  NODE_OPTS_A / NODE_OPTS_B (default --max-semi-space-size=32, as npm start)
//   ENV_A / ENV_B ("NAME=value,NAME=value", e.g. ENV_A=EXECUTION_FAST_PATH=false)
//   PROFILE=1: each gateway also writes a --cpu-prof profile to bench/results/ (see bench/cpuprofile-summary.js)
// Servers run on core 0, the fake upstream and autocannon on core 1 (taskset), like bench/run.js.
const path = require('node:path');
const os = require('node:os');
const { spawn } = require('node:child_process');
const autocannon = require('autocannon');
const { scenarios } = require('./workloads');
const { cpuMs } = require('./proc-stats');

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

function start(core, argv, env, port) {
  return spawn('taskset', ['-c', core, process.execPath, ...argv], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
      const child = start('0', [...flags, ...profile, path.join(path.resolve(dists[i]), 'index.js')], env, port);
      gateways.push({
        child,
        url: `http://127.0.0.1:${port}/graphql`,
        name: `${String.fromCharCode(65 + i)} ${dists[i]} ${flags.join(' ')} ${i === 0 ? process.env.ENV_A || '' : process.env.ENV_B || ''}`.trim(),
      });
      await waitUp(`http://127.0.0.1:${port}/health`);
    }
    const scenario = scenarios[WORKLOAD];
    const body = JSON.stringify({ query: scenario.query, variables: scenario.variables });
    const headers = { 'content-type': 'application/json', authorization: 'Bearer bench' };
    const expected = [];
    for (const gateway of gateways)
      expected.push(await (await fetch(gateway.url, { method: 'POST', headers, body })).text());
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
        verifyBody: (text) => text === expected[0],
      });
    for (let i = 0; i < gateways.length; i++) await run(i, WARMUP_SECONDS);
    // A process idle during the other's warm-up pays for it in its first slice: one untimed slice each.
    for (let i = 0; i < gateways.length; i++) await run(i, SLICE_SECONDS);
    const slices = gateways.map(() => []);
    for (let s = 0; s < SLICES; s++) {
      const order = s % 2 === 0 ? [...gateways.keys()] : [...gateways.keys()].reverse();
      for (const i of order) {
        const cpuBefore = cpuMs(gateways[i].child.pid);
        const load = os.loadavg()[0];
        const result = await run(i, SLICE_SECONDS);
        const cpuAfter = cpuMs(gateways[i].child.pid);
        if (result.non2xx || result.errors || result.timeouts || result.mismatches) {
          throw new Error(
            `${gateways[i].name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.mismatches} wrong answers`,
          );
        }
        slices[i].push({ cpu: (cpuAfter - cpuBefore) / result.requests.total, rps: result.requests.average, load });
      }
    }
    for (let i = 0; i < gateways.length; i++) {
      const own = slices[i];
      console.log(
        `${gateways[i].name}: CPU ms/op median ${median(own.map((x) => x.cpu)).toFixed(3)} (slices ${own.map((x) => x.cpu.toFixed(3)).join(' ')}), req/s median ${median(own.map((x) => x.rps)).toFixed(0)}, load ${own.map((x) => x.load.toFixed(1)).join(' ')}`,
      );
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
