#!/usr/bin/env node
// `npm start` and `npm test` run on Node >= 24 (engines): on this Node when it is recent enough, else on the version
// .node-version names, from the npm registry's `node` package — build machines still carry Node 20 on PATH.
'use strict';
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const MINIMUM_MAJOR = 24;
const args = process.argv.slice(2);
const major = Number(process.versions.node.split('.')[0]);
let command = process.execPath;
let commandArgs = args;
if (major < MINIMUM_MAJOR) {
  const wanted = readFileSync(path.join(__dirname, '..', '.node-version'), 'utf8').trim();
  process.stderr.write(
    `Node ${process.versions.node} is older than ${MINIMUM_MAJOR}: running on node@${wanted} (npx)\n`,
  );
  command = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  commandArgs = ['-y', '-p', `node@${wanted}`, 'node', ...args];
}
const child = spawn(command, commandArgs, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
