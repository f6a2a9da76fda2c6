import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { ensureBuilt, ENTRY_POINT, useBuiltEntryPoint } from './build';

export { ENTRY_POINT, useBuiltEntryPoint };

export interface SpawnedGateway {
  child: ChildProcessWithoutNullStreams;
  url: string;
  /** No Authorization by default: the spawned gateway serves the demo or its own fake. */
  defaultHeaders: Record<string, string>;
  /** Parsed stdout log lines so far. */
  logs: Array<Record<string, any>>;
  /** Resolves with the exit code once the process has exited and its output is fully read. */
  exited: Promise<number | null>;
}

/** `node dist/index.js` — what `npm start` and the Docker image run — on a free port; resolves once it listens. */
export async function spawnGateway(env: Record<string, string> = {}): Promise<SpawnedGateway> {
  await ensureBuilt();
  const child = spawn(process.execPath, [ENTRY_POINT], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  const logs: Array<Record<string, any>> = [];
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  let buffered = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: a cold start on a loaded 2-core machine takes a few seconds; this only bounds a hang.
    const timer = setTimeout(() => reject(new Error('gateway did not start within 20 s')), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, any>;
        logs.push(entry);
        if (entry.msg === 'gateway listening') {
          clearTimeout(timer);
          resolve(String(entry.url).replace(/\/graphql$/, ''));
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`gateway exited early with ${code}`)));
  });
  return { child, url, defaultHeaders: {}, logs, exited };
}

/** Kills a spawned gateway that is still running (SIGKILL) and waits for it to be gone. */
export async function killSpawned(gateway: SpawnedGateway | undefined): Promise<void> {
  if (!gateway) return;
  if (gateway.child.exitCode === null && gateway.child.signalCode === null) gateway.child.kill('SIGKILL');
  // 'close' waits for stdout to end, which a paused reader (a test of a stalled log pipe) would hold back.
  gateway.child.stdout.resume();
  await gateway.exited;
}

/** The real entry point for one describe block: built and spawned in beforeAll, killed in afterAll if still running. */
export function useSpawnedGateway(env: Record<string, string> | (() => Record<string, string>) = {}): {
  readonly gateway: SpawnedGateway;
} {
  let current: SpawnedGateway | undefined;
  useBuiltEntryPoint();
  beforeAll(async () => {
    // A function when the environment is known only in beforeAll (e.g. a fake upstream's URL).
    current = await spawnGateway(typeof env === 'function' ? env() : env);
  });
  afterAll(() => killSpawned(current));
  return {
    get gateway() {
      if (!current) throw new Error('useSpawnedGateway(): the gateway starts in beforeAll; read it inside a test');
      return current;
    },
  };
}

/** A one-off spawned gateway, always killed afterwards. Call `useBuiltEntryPoint()` in the describe block. */
export async function withSpawnedGateway<T>(
  env: Record<string, string>,
  fn: (gateway: SpawnedGateway) => Promise<T>,
): Promise<T> {
  const gateway = await spawnGateway(env);
  try {
    return await fn(gateway);
  } finally {
    await killSpawned(gateway);
  }
}

/**
 * `node dist/index.js` for a start that must fail: resolves with its exit code and output once it exits.
 * Call `useBuiltEntryPoint()` in the describe block.
 */
export function runEntryPointToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ENTRY_POINT], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // Generous: it exits during config loading; only a process that started serving would reach this.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after 20 s; stdout: ${stdout}`));
    }, 20_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
