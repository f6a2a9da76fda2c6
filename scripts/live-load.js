#!/usr/bin/env node
// Bounded load figure for live runs: the built gateway (node dist/index.js) as a real process, a fake upstream in this
// process whose runs change every LIVE_LOAD_CHANGE_S seconds, and N subscribers over M runs (half over graphql-ws,
// 100 per socket; half over SSE, one stream each) for a while. Loopback only. Reports upstream polls per second,
// events received, the gateway's CPU and peak RSS, and its live gauges.
//
//   npm run build && node scripts/live-load.js          1000 subscribers over 50 runs, 60 s, 1 s poll interval
//   LIVE_LOAD_SUBSCRIBERS=200 LIVE_LOAD_RUNS=10 LIVE_LOAD_SECONDS=20 node scripts/live-load.js
'use strict';

const { spawn } = require('node:child_process');
const { createServer } = require('node:http');
const { join } = require('node:path');
const { createClient: createWsClient } = require('graphql-ws');
const { createClient: createSseClient } = require('graphql-sse');
const WebSocket = require('ws');
const { cpuMs, peakRssMb } = require('../bench/proc-stats');

const root = join(__dirname, '..');
const { seedProcessRun } = require(join(root, 'dist', 'demo', 'fixtures'));

function bounded(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(`${name} must be a whole number from ${min} to ${max}, got "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

const SUBSCRIBERS = bounded('LIVE_LOAD_SUBSCRIBERS', 1000, 1, 5000);
const RUNS = bounded('LIVE_LOAD_RUNS', 50, 1, 1000);
const SECONDS = bounded('LIVE_LOAD_SECONDS', 60, 5, 600);
const CHANGE_S = bounded('LIVE_LOAD_CHANGE_S', 10, 1, 600);
const POLL_MS = bounded('LIVE_LOAD_POLL_MS', 1000, 1000, 60_000);
const TOKEN = 'Bearer live-load-token';

async function startUpstream() {
  const started = Date.now();
  let polls = 0;
  const server = createServer((request, response) => {
    const match = /^\/processRuns\/([^/?]+)/.exec(request.url ?? '');
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    polls += 1;
    // Every run moves once per CHANGE_S seconds (staggered by its index), so loops see both changes and idle polls.
    const index = Number(decodeURIComponent(match[1]).split('-').pop());
    const revision = 1 + Math.floor((Date.now() - started + index * 137) / (CHANGE_S * 1000));
    const body = JSON.stringify({ ...seedProcessRun, id: decodeURIComponent(match[1]), status: 'running', revision });
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, polls: () => polls, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
}

function startGateway(upstreamUrl) {
  // LOG_LEVEL=info, the production default: the per-poll log lines are part of the cost measured.
  const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      UPSTREAM_BASE_URL: upstreamUrl,
      LIVE_POLL_INTERVAL_MS: String(POLL_MS),
      LIVE_MAX_SUBSCRIPTIONS: String(SUBSCRIBERS + 10),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('gateway did not listen within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk.toString('utf8');
      const url = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql".*"msg":"gateway listening"/.exec(buffered);
      if (url) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume(); // keep draining: a full pipe would stall the gateway
        resolve({ child, url: url[1] });
      } else if (buffered.length > 1_000_000) buffered = buffered.slice(-10_000);
    };
    child.stdout.on('data', onData);
  });
}

const QUERY = 'subscription W($id: ID!) { processRunUpdated(id: $id) { id status revision jobs { id status } } }';

async function main() {
  const upstream = await startUpstream();
  const gateway = await startGateway(upstream.url);
  const stats = { events: 0, errors: 0, ended: 0 };
  const sink = { next: (result) => (result.errors ? (stats.errors += 1) : (stats.events += 1)), error: () => (stats.ended += 1), complete: () => (stats.ended += 1) };
  const runId = (i) => `live-load-${i % RUNS}`;
  const wsClients = [];
  const disposers = [];
  const wsCount = Math.ceil(SUBSCRIBERS / 2);
  for (let i = 0; i < wsCount; i++) {
    if (i % 100 === 0) {
      wsClients.push(createWsClient({ url: `${gateway.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { Authorization: TOKEN } }));
    }
    disposers.push(wsClients.at(-1).subscribe({ query: QUERY, variables: { id: runId(i) } }, sink));
  }
  const sse = createSseClient({ url: `${gateway.url}/graphql`, singleConnection: false, retryAttempts: 0, headers: { authorization: TOKEN } });
  for (let i = wsCount; i < SUBSCRIBERS; i++) disposers.push(sse.subscribe({ query: QUERY, variables: { id: runId(i) } }, sink));

  // Warm-up: every subscriber has its first event (or 20 s passed).
  const warmDeadline = Date.now() + 20_000;
  while (stats.events < SUBSCRIBERS && Date.now() < warmDeadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const metrics = async () => (await (await fetch(`${gateway.url}/metrics`)).text()).split('\n').filter((line) => /^gateway_live_(subscriptions|pollers) /.test(line));
  const before = { polls: upstream.polls(), events: stats.events, ended: stats.ended, cpu: cpuMs(gateway.child.pid), at: performance.now() };
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const after = { polls: upstream.polls(), events: stats.events, ended: stats.ended, cpu: cpuMs(gateway.child.pid), at: performance.now() };
  const gauges = await metrics();
  const seconds = (after.at - before.at) / 1000;

  for (const dispose of disposers) dispose();
  await Promise.all(wsClients.map((client) => client.dispose()));
  sse.dispose();
  const rss = peakRssMb(gateway.child.pid);
  gateway.child.kill('SIGTERM');
  await new Promise((resolve) => gateway.child.once('exit', resolve));
  await upstream.close();

  const report = {
    subscribers: SUBSCRIBERS,
    runs: RUNS,
    seconds: Math.round(seconds),
    pollIntervalMs: POLL_MS,
    runChangesEverySeconds: CHANGE_S,
    firstEventsBeforeWindow: before.events,
    upstreamPollsPerSecond: Number(((after.polls - before.polls) / seconds).toFixed(1)),
    eventsPerSecond: Number(((after.events - before.events) / seconds).toFixed(1)),
    errorEventsTotal: stats.errors,
    endedDuringWindow: after.ended - before.ended,
    gatewayCpuPercent: before.cpu === null ? null : Number((((after.cpu - before.cpu) / 1000 / seconds) * 100).toFixed(1)),
    gatewayPeakRssMb: rss === null ? null : Math.round(rss),
    gauges,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`live-load failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
