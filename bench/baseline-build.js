'use strict';
// The gateway as it was built when issue 13 set its targets ("today's build"), compiled from git history so every
// `npm run bench` measures it next to the current build. The same node_modules serve both: the dependencies of that
// commit are a subset of today's, at the same versions.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
// main when issue 13 was filed (the last change that had landed then).
const BASELINE_COMMIT = process.env.BENCH_BASELINE_COMMIT || 'cd1986c';
const SOURCES = ['src', 'schema', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
// Written last: a directory without it is a build that was interrupted, and is made again.
const COMPLETE = '.complete';

const run = (command, args) => spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
const output = (result) =>
  `${result.error?.message ?? ''}${result.stdout ?? ''}${result.stderr ?? ''}`.trim().slice(0, 500);

/** `{ commit, dist }` of the compiled baseline, or `{ commit, problem }` when it cannot be built here (e.g. a shallow clone). */
function baselineBuild() {
  const resolved = run('git', ['rev-parse', '--verify', '--quiet', `${BASELINE_COMMIT}^{commit}`]);
  if (resolved.status !== 0)
    return { commit: BASELINE_COMMIT, problem: `commit ${BASELINE_COMMIT} is not in this clone (shallow?)` };
  const commit = resolved.stdout.trim();
  const dir = path.join(__dirname, 'results', `baseline-${commit.slice(0, 12)}`);
  const dist = path.join(dir, 'dist');
  if (fs.existsSync(path.join(dir, COMPLETE))) return { commit, dist };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const fail = (problem) => {
    fs.rmSync(dir, { recursive: true, force: true });
    return { commit, problem };
  };
  const archive = path.join(os.tmpdir(), `prg-baseline-${process.pid}.tar`);
  try {
    const archived = run('git', ['archive', '-o', archive, commit, ...SOURCES]);
    if (archived.status !== 0) return fail(`git archive failed: ${output(archived)}`);
    const extracted = run('tar', ['-x', '-f', archive, '-C', dir]);
    if (extracted.status !== 0) return fail(`tar failed: ${output(extracted)}`);
  } finally {
    fs.rmSync(archive, { force: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const tsc = run(process.execPath, [
    path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    path.join(dir, 'tsconfig.build.json'),
  ]);
  if (tsc.status !== 0) return fail(`compiling it failed: ${output(tsc)}`);
  fs.writeFileSync(path.join(dir, COMPLETE), `${commit}\n`);
  return { commit, dist };
}

module.exports = { baselineBuild, BASELINE_COMMIT };
