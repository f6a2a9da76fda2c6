// `dist/` is built only for the suites that run the real entry point (test/process, test/redis, the live SIGTERM test, the bounded-state test): they call `useBuiltEntryPoint()`.
// Two jest workers may get there at once, so the build holds a lock directory and leaves a stamp with the jest
// run's id (set by test/global-setup.js): the first caller builds, the others wait and find the stamp.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
export const ENTRY_POINT = join(ROOT, 'dist', 'index.js');

// Per checkout, so two worktrees on one machine never share a lock.
const STATE = join(
  tmpdir(),
  `process-runs-gateway-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`,
);
const LOCK = join(STATE, 'lock');
const STAMP = join(STATE, 'stamp');
// A build takes ~5 s, ~30 s on a loaded machine; a lock older than this was left by a killed run.
const STALE_LOCK_MS = 180_000;

let built: Promise<void> | null = null;

/** Builds dist/ once per jest run, whichever worker asks first. */
export function ensureBuilt(): Promise<void> {
  built ??= buildOnce();
  return built;
}

/** For a describe block that spawns `node dist/index.js`: builds before its first test, with room for a slow build. */
export function useBuiltEntryPoint(): void {
  beforeAll(() => ensureBuilt(), STALE_LOCK_MS);
}

async function buildOnce(): Promise<void> {
  const runId = process.env.TEST_RUN_ID ?? `process-${process.pid}`;
  mkdirSync(STATE, { recursive: true });
  await acquireLock();
  try {
    if (readStamp() === runId) return;
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: ROOT,
      },
    );
    writeFileSync(STAMP, runId);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function acquireLock(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK); // atomic: exactly one caller creates it
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // Released between the two calls: try again.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function readStamp(): string | null {
  try {
    return readFileSync(STAMP, 'utf8');
  } catch {
    return null;
  }
}
