'use strict';
// Server cost read from Linux /proc: CPU time (user + system) and peak resident memory of one process.
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // getconf missing: 100 is the Linux default.
}

/** CPU milliseconds the process has used so far, or null off Linux. */
function cpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** CPU milliseconds of the process's main thread and of all its other threads (V8's GC helpers, libuv), or null. */
function cpuMsSplit(pid) {
  try {
    const main = cpuMs(`${pid}/task/${pid}`);
    const all = cpuMs(pid);
    return main === null || all === null ? null : { main, others: all - main };
  } catch {
    return null;
  }
}

/** Peak resident set size in MB (VmHWM), or null off Linux. */
function peakRssMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

module.exports = { cpuMs, cpuMsSplit, peakRssMb };
