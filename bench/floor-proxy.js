'use strict';
// The floor: the least any Node gateway must do for this job, with no GraphQL. Read the POST, GET the run(s) over a
// keep-alive pool, JSON.parse, wrap, JSON.stringify, answer.
const http = require('node:http');

const upstream = new URL(process.env.UPSTREAM_BASE_URL);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function getRun(id) {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: `/processRuns/${encodeURIComponent(id)}`,
        agent,
        headers: { accept: 'application/json' },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        // Named, like answer() below: bench/cpuprofile-summary.js tells the two JSON passes apart by these names.
        response.on('end', function parseUpstreamBody() {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async function answer() {
    try {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const ids = variables.ids ?? [variables.id];
      const runs = await Promise.all(ids.map(getRun));
      const data = variables.ids ? Object.fromEntries(runs.map((run, i) => [`r${i}`, run])) : { processRun: runs[0] };
      const body = JSON.stringify({ data });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    } catch (error) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
// A normal exit, so `--cpu-prof` (BENCH_PROFILE) writes the profile; the default SIGTERM action would not.
process.on('SIGTERM', () => process.exit(0));
