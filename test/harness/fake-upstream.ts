import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** The raw request target as it arrived on the wire (path and query, still percent-encoded). */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The request body, for requests other than GET/HEAD (e.g. a token POST). */
  body?: string;
}

/** What the fake does for one request. Return nothing to leave the response to the handler itself. */
export type FakeHandler = (
  request: RecordedRequest,
  response: ServerResponse,
  raw: IncomingMessage,
) => void | Promise<void>;

/**
 * A real node:http server on 127.0.0.1, port 0, standing in for the Processes API. It records every request;
 * each test scripts the answers with `routes` (by id) or `handler` (everything).
 */
export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  private readonly runs = new Map<string, FakeHandler>();
  private readonly processes = new Map<string, FakeHandler>();
  private processList: FakeHandler | null = null;
  private fallback: FakeHandler | null = null;
  private readonly paths = new Map<string, FakeHandler>();
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  /** TCP connections accepted since start (keep-alive reuse shows as fewer connections than requests). */
  connectionsOpened = 0;
  url = '';

  async start(): Promise<this> {
    // Room for the longest `$next` the gateway forwards (64 KiB as written, src/validation/next-token.ts) and the rest.
    this.server = createServer({ maxHeaderSize: 128 * 1024 }, (raw, response) => void this.dispatch(raw, response));
    this.server.on('connection', (socket) => {
      this.connectionsOpened += 1;
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
  serveRun<Run extends { id: string }>(run: Run): this {
    return this.onRun(run.id, (_request, response) => json(response, 200, run));
  }

  /** Answer GET /processes/{id} for this (decoded) id. */
  onProcess(id: string, handler: FakeHandler): this {
    this.processes.set(id, handler);
    return this;
  }

  /** Serve this body with 200 for its id on GET /processes/{id}. */
  serveProcess<Process extends { id: string }>(process: Process): this {
    return this.onProcess(process.id, (_request, response) => json(response, 200, process));
  }

  /** Answer GET /processes (the list). */
  onProcessList(handler: FakeHandler): this {
    this.processList = handler;
    return this;
  }

  /**
   * Serve `items` on GET /processes in pages of `$maxpagesize` (default 100). The `$next` token is the offset
   * prefixed by `tokenPrefix`; `@nextLink` points at `nextLinkOrigin` (default: a foreign host, which the
   * gateway must never call). An unknown token answers 400 like an expired one.
   */
  serveProcessList(items: readonly unknown[], options: { tokenPrefix?: string; nextLinkOrigin?: string } = {}): this {
    const prefix = options.tokenPrefix ?? 'tok-';
    const origin = options.nextLinkOrigin ?? 'https://evil.example';
    return this.onProcessList((request, response) => {
      const size = Number(request.query.get('$maxpagesize') ?? '100');
      const next = request.query.get('$next');
      const offset = next === null ? 0 : next.startsWith(prefix) ? Number(next.slice(prefix.length)) : NaN;
      if (!Number.isInteger(offset) || offset < 0 || offset > items.length) {
        json(response, 400, {
          code: 'invalidNextToken',
          message: 'The $next token is invalid or has expired.',
          target: '$next',
        });
        return;
      }
      const data = items.slice(offset, offset + size);
      const end = offset + size;
      const body: Record<string, unknown> = { data };
      if (end < items.length)
        body['@nextLink'] = `${origin}/processes?$next=${encodeURIComponent(prefix + end)}&$maxpagesize=${size}`;
      json(response, 200, body);
    });
  }

  /** Answer every request not matched by onRun. */
  onAny(handler: FakeHandler): this {
    this.fallback = handler;
    return this;
  }

  /** Answer `METHOD /exact/path` (e.g. a token endpoint) before any other route. */
  onPath(method: string, path: string, handler: FakeHandler): this {
    this.paths.set(`${method.toUpperCase()} ${path}`, handler);
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.runs.clear();
    this.processes.clear();
    this.processList = null;
    this.paths.clear();
    this.fallback = null;
  }

  /** Recorded requests to `path`. */
  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** Recorded requests to /processes and /processes/{id}. */
  get processRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.path === '/processes' || request.path.startsWith('/processes/'));
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
    if (recorded.method !== 'GET' && recorded.method !== 'HEAD') recorded.body = await readText(raw);
    this.requests.push(recorded);
    const byPath = this.paths.get(`${recorded.method} ${parsed.pathname}`);
    if (byPath) {
      await byPath(recorded, response, raw);
      return;
    }
    const match = /^\/processRuns\/([^/]+)$/.exec(parsed.pathname);
    let handler: FakeHandler | null | undefined = null;
    if (match) {
      try {
        handler = this.runs.get(decodeURIComponent(match[1]!));
      } catch {
        handler = null;
      }
    }
    const processMatch = /^\/processes\/([^/]+)$/.exec(parsed.pathname);
    if (processMatch) {
      try {
        handler = this.processes.get(decodeURIComponent(processMatch[1]!));
      } catch {
        handler = null;
      }
    }
    if (parsed.pathname === '/processes' && recorded.method === 'GET') handler = this.processList;
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

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

async function readText(raw: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of raw) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Scripted faults for `onAny` / `onRun`. Stalls hold the response open until the client gives up or the fake stops. */
export const faults = {
  /** Accepts the request and never sends headers. */
  stallBeforeHeaders: (): FakeHandler => () => undefined,
  /** Sends headers and part of a JSON body (Content-Length promises more), then nothing. */
  stallMidBody: (): FakeHandler => (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    response.write('{"id":"run-1","name":"Q4');
  },
  /** Resets the TCP connection (RST) without answering. */
  reset: (): FakeHandler => (_request, _response, raw) => {
    raw.socket.resetAndDestroy();
  },
  status:
    (status: number, body: unknown, headers: Record<string, string> = {}): FakeHandler =>
    (_request, response) =>
      json(response, status, body, headers),
  invalidJson: (): FakeHandler => (_request, response) => json(response, 200, '<html>maintenance</html>'),
  /** A 200 whose JSON is cut short, with a Content-Length that matches what is sent. */
  truncatedJson: (): FakeHandler => (_request, response) => json(response, 200, '{"id":"run-1","name":"Q4 2024 Fin'),
  /** A 200 JSON body of about `bytes` bytes; `chunked` omits Content-Length so only streaming can catch it. */
  oversized:
    (bytes: number, chunked = false): FakeHandler =>
    (_request, response) => {
      const filler = 'x'.repeat(64 * 1024);
      response.writeHead(
        200,
        chunked
          ? { 'content-type': 'application/json' }
          : { 'content-type': 'application/json', 'content-length': String(bytes + 20) },
      );
      response.write('{"id":"run-1","pad":"');
      let sent = 0;
      const pump = () => {
        while (sent < bytes) {
          sent += filler.length;
          if (!response.write(filler)) return void response.once('drain', pump);
        }
        response.end('"}');
      };
      response.on('error', () => undefined);
      pump();
    },
  /** `failing` for the first `n` requests it sees, then `then`. */
  failFirst: (n: number, failing: FakeHandler, then: FakeHandler): FakeHandler => {
    let seen = 0;
    return (request, response, raw) => (seen++ < n ? failing(request, response, raw) : then(request, response, raw));
  },
};

/** A loopback port nothing listens on (bound, then released): connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
