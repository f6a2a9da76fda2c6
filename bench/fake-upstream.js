'use strict';
// The Processes API stand-in for the benchmark: bodies are serialised once, so it is never the bottleneck.
// Control routes (bench only): GET /__stats (calls since reset), POST /__reset, POST /__delay/<ms>.
const http = require('node:http');
const { upstreamBodies, PROCESSES_PAGE_KEY, seedId } = require('./workloads');

const bodies = new Map([...upstreamBodies()].map(([id, text]) => [id, Buffer.from(text)]));
// Any `processrun-distinct-<n>` is the seed run under that id (bench/dashboard.js: many distinct runs, read once each).
const DISTINCT_PREFIX = 'processrun-distinct-';
const distinctTemplate = bodies.get(seedId).toString('utf8');
const distinctBody = (id) => Buffer.from(distinctTemplate.replace(`"id":"${seedId}"`, `"id":"${id}"`));
let calls = 0;
let delayMs = 0;

function answer(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
}

const server = http.createServer((request, response) => {
  const url = request.url || '/';
  if (url.startsWith('/processRuns/')) {
    calls += 1;
    const id = decodeURIComponent(url.slice('/processRuns/'.length).split('?')[0]);
    const body = bodies.get(id) ?? (id.startsWith(DISTINCT_PREFIX) ? distinctBody(id) : undefined);
    const send = () => (body ? answer(response, 200, body) : answer(response, 404, Buffer.from('{"code":"404","message":"not found"}')));
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
