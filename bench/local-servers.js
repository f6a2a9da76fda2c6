'use strict';
// What the bench scripts start on 127.0.0.1: a free port, and a throwaway redis-server (no persistence).
const { spawn } = require('node:child_process');
const net = require('node:net');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server on a free port, or null when it cannot be started (not installed, or not ready within 10 s). */
async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const ready = await new Promise((resolve) => {
    let output = '';
    child.once('error', () => resolve(false));
    child.stdout.on('data', (chunk) => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) resolve(true);
    });
    setTimeout(() => resolve(false), 10_000);
  });
  if (!ready) {
    child.kill('SIGTERM');
    return null;
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
  };
}

module.exports = { freePort, startRedis };
