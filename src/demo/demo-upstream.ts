import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_FAILURES, type DemoFailure } from './demo-errors';
import { excludeGeneratedJobs } from './exclude-generated-jobs';
import { listDemoProcesses } from './demo-process-list';
import type { DemoProcessStore } from './demo-process-store';
import { createDemoProcessStore, handleDemoWrite } from './demo-writes';

export interface DemoUpstream {
  url: string;
  /** The in-memory state the writes change (processes, runs). */
  store: DemoProcessStore;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

function handle(request: IncomingMessage, response: ServerResponse, store: DemoProcessStore): void {
  const url = new URL(request.url ?? '/', 'http://demo.invalid');
  if (request.method !== 'GET' && handleDemoWrite(request, response, url, store, send, fail)) return;
  if (request.method === 'GET' && url.pathname === '/processes') {
    const answer = listDemoProcesses(
      [...store.processes.values()],
      url.searchParams,
      `http://${request.headers.host ?? 'demo.invalid'}/processes`,
    );
    send(response, answer.status, answer.body);
    return;
  }
  const processMatch = /^\/processes\/([^/]+)$/.exec(url.pathname);
  if (request.method === 'GET' && processMatch) {
    const id = safeDecode(processMatch[1]!);
    const process = id === null ? undefined : store.processes.get(id);
    if (process) send(response, 200, process);
    else send(response, 404, { code: '404', message: `Could not find process id ${id ?? processMatch[1]}` });
    return;
  }
  const match = /^\/processRuns\/([^/]+)$/.exec(url.pathname);
  if (request.method !== 'GET' || !match) {
    send(response, 404, { code: '404', message: `No route for ${request.method} ${url.pathname}` });
    return;
  }
  const id = decodeURIComponent(match[1]!);
  const failure = DEMO_FAILURES.get(id);
  if (failure) {
    fail(response, failure);
    return;
  }
  const run = store.readRun(id);
  if (!run) {
    send(response, 404, { code: '404', message: `Could not find process run id ${id}` });
    return;
  }
  send(response, 200, url.searchParams.get('excludeGeneratedJobs') === 'true' ? excludeGeneratedJobs(run) : run);
}

// A malformed escape must answer 404, not throw out of the request handler.
function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const STALL_CAP_MS = 10 * 60_000;

function fail(response: ServerResponse, failure: DemoFailure): void {
  switch (failure.kind) {
    case 'status':
      send(response, failure.status, failure.body, failure.headers);
      return;
    case 'not-json':
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Gateway maintenance page</body></html>');
      return;
    case 'hang-up':
      response.socket?.destroy();
      return;
    case 'stall': {
      // Hold the socket without answering: the gateway's deadline aborts it first. The cap only keeps a client
      // with no deadline from holding it forever; close() destroys whatever is still held.
      const cap = setTimeout(() => response.destroy(), STALL_CAP_MS);
      cap.unref();
      response.on('close', () => clearTimeout(cap));
      return;
    }
  }
}

/**
 * A real HTTP server on a loopback port that answers like the Processes API from fixtures, so `npm start`
 * with no configuration serves something real. Demo only: no credentials are checked.
 */
export async function startDemoUpstream({
  advanceEveryMs = 3_000,
}: { advanceEveryMs?: number } = {}): Promise<DemoUpstream> {
  // Writes change what the reads answer; started runs advance one job step every advanceEveryMs.
  const store = createDemoProcessStore({ advanceEveryMs });
  const server: Server = createServer((request, response) => handle(request, response, store));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        store.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
