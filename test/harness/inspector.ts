// A spawned gateway's V8, driven over the inspector protocol: start it with `--inspect=127.0.0.1:0` in NODE_OPTIONS.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import WebSocket from 'ws';

/** The inspector's WebSocket URL, from the `Debugger listening on ws://…` line the process writes to stderr. */
function inspectorUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const url = /Debugger listening on (ws:\/\/\S+)/.exec(text)?.[1];
      if (url) {
        child.stderr.off('data', onData);
        resolve(url);
      }
    };
    child.stderr.on('data', onData);
    child.once('exit', () => reject(new Error(`no inspector URL on stderr: ${text}`)));
  });
}

export class Inspector {
  private nextId = 0;
  private readonly pending = new Map<number, (reply: { error?: unknown }) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString('utf8')) as { id?: number; error?: unknown };
      if (reply.id !== undefined) this.pending.get(reply.id)?.(reply);
    });
  }

  static async attach(child: ChildProcessWithoutNullStreams): Promise<Inspector> {
    const socket = new WebSocket(await inspectorUrl(child));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new Inspector(socket);
  }

  /**
   * Every collection V8 can make, memory-reducing (HeapProfiler.collectGarbage): what stays resident after it is
   * state the process keeps, not garbage or pooled pages V8 would drop under memory pressure.
   */
  async collectGarbage(): Promise<void> {
    const id = ++this.nextId;
    const reply = await new Promise<{ error?: unknown }>((resolve) => {
      this.pending.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method: 'HeapProfiler.collectGarbage' }));
    });
    this.pending.delete(id);
    if (reply.error) throw new Error(`HeapProfiler.collectGarbage: ${JSON.stringify(reply.error)}`);
  }

  close(): void {
    this.socket.close();
  }
}
