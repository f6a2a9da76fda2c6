import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** The raw request target as it arrived on the wire (path and query, still percent-encoded). */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

/** What the fake does for one request. Return nothing to leave the response to the handler itself. */
export type FakeHandler = (request: RecordedRequest, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

/**
 * A real node:http server on 127.0.0.1, port 0, standing in for the Processes API. It records every request;
 * each test scripts the answers with `routes` (by id) or `handler` (everything).
 */
export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  private readonly runs = new Map<string, FakeHandler>();
  private fallback: FakeHandler | null = null;
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((raw, response) => void this.dispatch(raw, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Answer GET /processRuns/{id} for this (decoded) id. */
  onRun(id: string, handler: FakeHandler): this {
    this.runs.set(id, handler);
    return this;
  }

  /** Serve this body with 200 for its id. */
  serveRun(run: { id: string }): this {
    return this.onRun(run.id, (_request, response) => json(response, 200, run));
  }

  /** Answer every request not matched by onRun. */
  onAny(handler: FakeHandler): this {
    this.fallback = handler;
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.runs.clear();
    this.fallback = null;
  }

  /** Recorded requests to /processRuns/{id}. */
  get runRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.path.startsWith('/processRuns/'));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async dispatch(raw: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = raw.url ?? '/';
    const parsed = new URL(url, 'http://fake.invalid');
    const recorded: RecordedRequest = {
      method: raw.method ?? 'GET',
      url,
      path: parsed.pathname,
      query: parsed.searchParams,
      headers: raw.headers,
    };
    this.requests.push(recorded);
    const match = /^\/processRuns\/([^/]+)$/.exec(parsed.pathname);
    let handler: FakeHandler | null | undefined = null;
    if (match) {
      try {
        handler = this.runs.get(decodeURIComponent(match[1]!));
      } catch {
        handler = null;
      }
    }
    handler ??= this.fallback;
    if (!handler) {
      json(response, 404, { code: '404', message: `Could not find process run ${parsed.pathname}` });
      return;
    }
    try {
      await handler(recorded, response, raw);
    } catch (error) {
      if (!response.headersSent) json(response, 500, { code: '500', message: String(error) });
    }
  }
}

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}
