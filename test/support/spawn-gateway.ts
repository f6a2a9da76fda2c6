import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export const ENTRY_POINT = join(__dirname, '..', '..', 'dist', 'index.js');

export interface SpawnedGateway {
  child: ChildProcessWithoutNullStreams;
  url: string;
  /** Parsed stdout log lines so far. */
  logs: Array<Record<string, any>>;
  /** Resolves with the exit code once the process has exited and its output is fully read. */
  exited: Promise<number | null>;
}

/** `node dist/index.js` — what `npm start` and the Docker image run — on a free port; resolves once it listens. */
export async function spawnGateway(env: Record<string, string> = {}): Promise<SpawnedGateway> {
  const child = spawn(process.execPath, [ENTRY_POINT], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  const logs: Array<Record<string, any>> = [];
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  let buffered = '';
  const url = await new Promise<string>((resolve, reject) => {
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
  return { child, url, logs, exited };
}
