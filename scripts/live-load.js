#!/usr/bin/env node
// Bounded load figure for live runs: the built gateway (node dist/index.js) as a real process, a fake upstream in this
// process whose runs change every LIVE_LOAD_CHANGE_S seconds, and N subscribers over M runs (half over graphql-ws,
// 100 per socket; half over SSE, one stream each) for a while. Loopback only. Reports upstream polls per second,
// events received, the gateway's CPU and peak RSS, and its live gauges.
//
//   npm run build && node scripts/live-load.js          1000 subscribers over 50 runs, 60 s, 1 s poll interval
//   LIVE_LOAD_SUBSCRIBERS=200 LIVE_LOAD_RUNS=10 LIVE_LOAD_SECONDS=20 node scripts/live-load.js
//   LIVE_LOAD_REPLICAS=3 node scripts/live-load.js       three gateways sharing loops through a redis-server (Debian
//                                                        package) started here; subscribers spread round-robin
'use strict';

const { spawn } = require('node:child_process');
const { createServer } = require('node:http');
const { join } = require('node:path');
const { createClient: createWsClient } = require('graphql-ws');
const { createClient: createSseClient } = require('graphql-sse');
const WsWebSocket = require('ws');
const { cpuMs, peakRssMb } = require('../bench/proc-stats');

const { wholeNumber } = require('./env-knobs');

const root = join(__dirname, '..');
const { seedProcessRun } = require(join(root, 'dist', 'demo', 'fixtures'));

const SUBSCRIBERS = wholeNumber('LIVE_LOAD_SUBSCRIBERS', 1000, 1, 5000);
const RUNS = wholeNumber('LIVE_LOAD_RUNS', 50, 1, 1000);
const SECONDS = wholeNumber('LIVE_LOAD_SECONDS', 60, 5, 600);
const CHANGE_S = wholeNumber('LIVE_LOAD_CHANGE_S', 10, 1, 600);
const POLL_MS = wholeNumber('LIVE_LOAD_POLL_MS', 1000, 1000, 60_000);
const REPLICAS = wholeNumber('LIVE_LOAD_REPLICAS', 1, 1, 8);
const TOKEN = 'Bearer live-load-token';

/** A throwaway redis-server on a free loopback port, nothing written to disk (for LIVE_LOAD_REPLICAS > 1). */
async function startRedis() {
  const port = await new Promise((resolve) => {
    const probe = require('node:net')
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => resolve(free));
      });
  });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  child.stdout.resume();
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

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
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    polls: () => polls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

function startGateway(upstreamUrl, extraEnv = {}) {
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
      ...extraEnv,
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
  const redis = REPLICAS > 1 ? await startRedis() : null;
  const shared = redis
    ? { REDIS_URL: redis.url, LIVE_CREDENTIAL_SECRET: 'live-load-credential-secret-0123456789' }
    : {};
  const gateways = await Promise.all(Array.from({ length: REPLICAS }, () => startGateway(upstream.url, shared)));
  const gateway = gateways[0];
  const gatewayFor = (i) => gateways[i % gateways.length];
  const stats = { events: 0, errors: 0, ended: 0 };
  const sink = {
    next: (result) => (result.errors ? (stats.errors += 1) : (stats.events += 1)),
    error: () => (stats.ended += 1),
    complete: () => (stats.ended += 1),
  };
  const runId = (i) => `live-load-${i % RUNS}`;
  const wsClients = [];
  const disposers = [];
  const wsCount = Math.ceil(SUBSCRIBERS / 2);
  for (let i = 0; i < wsCount; i++) {
    // One socket per 100 subscribers per replica; subscriber i goes to replica i mod REPLICAS.
    const replica = i % gateways.length;
    wsClients[replica] ??= [];
    const sockets = wsClients[replica];
    if (Math.floor(i / gateways.length) % 100 === 0) {
      sockets.push(
        createWsClient({
          url: `${gatewayFor(i).url.replace('http', 'ws')}/graphql`,
          webSocketImpl: WsWebSocket,
          retryAttempts: 0,
          connectionParams: { Authorization: TOKEN },
        }),
      );
    }
    disposers.push(sockets.at(-1).subscribe({ query: QUERY, variables: { id: runId(i) } }, sink));
  }
  const sseClients = gateways.map((target) =>
    createSseClient({
      url: `${target.url}/graphql`,
      singleConnection: false,
      retryAttempts: 0,
      headers: { authorization: TOKEN },
    }),
  );
  for (let i = wsCount; i < SUBSCRIBERS; i++)
    disposers.push(sseClients[i % gateways.length].subscribe({ query: QUERY, variables: { id: runId(i) } }, sink));

  // Warm-up: every subscriber has its first event (or 20 s passed).
  const warmDeadline = Date.now() + 20_000;
  while (stats.events < SUBSCRIBERS && Date.now() < warmDeadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const metrics = async (target) =>
    (await (await fetch(`${target.url}/metrics`)).text())
      .split('\n')
      .filter((line) => /^gateway_live_(subscriptions|pollers|poller_leases|followed_loops) /.test(line));
  const cpuAll = () =>
    gateways.reduce(
      (sum, target) => (sum === null || cpuMs(target.child.pid) === null ? null : sum + cpuMs(target.child.pid)),
      0,
    );
  const before = {
    polls: upstream.polls(),
    events: stats.events,
    ended: stats.ended,
    cpu: cpuAll(),
    at: performance.now(),
  };
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const after = {
    polls: upstream.polls(),
    events: stats.events,
    ended: stats.ended,
    cpu: cpuAll(),
    at: performance.now(),
  };
  const gauges = REPLICAS === 1 ? await metrics(gateway) : await Promise.all(gateways.map(metrics));
  const seconds = (after.at - before.at) / 1000;

  for (const dispose of disposers) dispose();
  await Promise.all(wsClients.flat().map((client) => client.dispose()));
  for (const sse of sseClients) sse.dispose();
  const rss = peakRssMb(gateway.child.pid);
  await Promise.all(
    gateways.map((target) => {
      target.child.kill('SIGTERM');
      return new Promise((resolve) => target.child.once('exit', resolve));
    }),
  );
  redis?.stop();
  await upstream.close();

  const report = {
    replicas: REPLICAS,
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
    // All replicas together.
    gatewayCpuPercent:
      before.cpu === null ? null : Number((((after.cpu - before.cpu) / 1000 / seconds) * 100).toFixed(1)),
    // The first replica.
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
