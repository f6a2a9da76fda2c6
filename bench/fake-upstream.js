'use strict';
// The Processes API stand-in for the benchmark: bodies are serialised once, so it is never the bottleneck.
// Control routes (bench only): GET /__stats (calls since reset), POST /__reset, POST /__delay/<ms>,
// POST /__move/<ms> (every <ms> each run moves to its next revision; 0 stops), GET /__history (when each revision began).
const http = require('node:http');
const { upstreamBodies, PROCESSES_PAGE_KEY, seedId } = require('./workloads');

const bodies = new Map([...upstreamBodies()].map(([id, text]) => [id, Buffer.from(text)]));
// Any `processrun-distinct-<n>` is the seed run under that id (bench/dashboard.js: many distinct runs, read once each).
const DISTINCT_PREFIX = 'processrun-distinct-';
const distinctTemplate = bodies.get(seedId).toString('utf8');
const distinctBody = (id) => Buffer.from(distinctTemplate.replace(`"id":"${seedId}"`, `"id":"${id}"`));
let calls = 0;
let delayMs = 0;
// Moving runs (bench/dashboard.js checks every answer's revision against this history): id → [[revision, since ms]].
const moved = new Map();
let mover = null;

function move(everyMs) {
  if (mover) clearInterval(mover);
  mover = null;
  if (everyMs <= 0) return;
  moved.clear();
  const started = Date.now();
  for (const id of bodies.keys()) if (id.startsWith('processrun-fanout-')) moved.set(id, [[1, started]]);
  mover = setInterval(() => {
    const now = Date.now();
    for (const history of moved.values()) history.push([history[history.length - 1][0] + 1, now]);
  }, everyMs);
}

/** The body of a run that moves: its current revision spliced in (the fixture's is 5). */
function movedBody(id, body) {
  const history = moved.get(id);
  if (!history) return body;
  return Buffer.from(body.toString('utf8').replace('"revision":5,', `"revision":${history[history.length - 1][0]},`));
}

function answer(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
}

const server = http.createServer((request, response) => {
  const url = request.url || '/';
  if (url.startsWith('/processRuns/')) {
    calls += 1;
    const id = decodeURIComponent(url.slice('/processRuns/'.length).split('?')[0]);
    const known = bodies.get(id);
    const body = known ? movedBody(id, known) : id.startsWith(DISTINCT_PREFIX) ? distinctBody(id) : undefined;
    const send = () =>
      body ? answer(response, 200, body) : answer(response, 404, Buffer.from('{"code":"404","message":"not found"}'));
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
    return;
  }
  if (url === '/processes' || url.startsWith('/processes?')) {
    calls += 1;
    return answer(response, 200, bodies.get(PROCESSES_PAGE_KEY));
  }
  if (url === '/__stats') return answer(response, 200, Buffer.from(JSON.stringify({ calls })));
  if (url === '/__reset') {
    calls = 0;
    return answer(response, 200, Buffer.from('{}'));
  }
  if (url.startsWith('/__move/')) {
    move(Number(url.slice('/__move/'.length)) || 0);
    return answer(response, 200, Buffer.from('{}'));
  }
  if (url === '/__history') return answer(response, 200, Buffer.from(JSON.stringify(Object.fromEntries(moved))));
  if (url.startsWith('/__delay/')) {
    delayMs = Number(url.slice('/__delay/'.length)) || 0;
    return answer(response, 200, Buffer.from('{}'));
  }
  answer(response, 404, Buffer.from('{}'));
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
