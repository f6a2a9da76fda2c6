import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import type { Logger } from 'pino';
import type { CredentialsProvider } from './credentials';
import { processRunPath } from './process-run-id';
import { processRunShapeProblem } from './process-run-shape';
import { parseRetryAfterHeader, parseRetryAfterMessage } from './retry-after';
import type { UpstreamErrorBody, UpstreamProcessRun } from './types';
import { UpstreamError } from './upstream-error';
import type { UpstreamCallFinished, UpstreamEvents } from './upstream-events';

export interface ProcessesClientOptions {
  baseUrl: string;
  apiVersion: string;
  /** Bounds the whole call. */
  timeoutMs: number;
  maxBodyBytes: number;
  credentials: CredentialsProvider;
  logger: Logger;
  /** Keep-alive pool; one per process so sockets are reused across requests. */
  dispatcher?: Dispatcher;
  events?: UpstreamEvents;
}

/** Per-call facts that come from the GraphQL request. */
export interface UpstreamCall {
  callerAuthorization: string | null;
  requestId: string;
  logger: Logger;
  /** W3C trace context to continue upstream, when the caller sent one. */
  traceparent?: string | null;
  tracestate?: string | null;
}

export function createUpstreamAgent(): Agent {
  return new Agent({
    connections: 64,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connect: { timeout: 5_000 },
  });
}

/** The one module that speaks HTTP to the Processes API. */
export class ProcessesClient {
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: ProcessesClientOptions) {
    this.dispatcher = options.dispatcher ?? createUpstreamAgent();
  }

  async getProcessRun(id: string, excludeGeneratedJobs: boolean, call: UpstreamCall): Promise<UpstreamProcessRun> {
    const path = processRunPath(id) + (excludeGeneratedJobs ? '?excludeGeneratedJobs=true' : '');
    const authorization = await this.options.credentials.authorizationFor(call.callerAuthorization);
    const body = await this.get(path, authorization, call);
    const problem = processRunShapeProblem(body);
    if (problem) throw new UpstreamError({ kind: 'bad-response', reason: `not a process run (${problem})`, status: 200 });
    return body as UpstreamProcessRun;
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private async get(path: string, authorization: string | null, call: UpstreamCall): Promise<unknown> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-version': this.options.apiVersion,
      'x-request-id': call.requestId,
    };
    if (authorization) headers.authorization = authorization;
    if (call.traceparent) headers.traceparent = call.traceparent;
    if (call.traceparent && call.tracestate) headers.tracestate = call.tracestate;

    const started = performance.now();
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    let status: number | undefined;
    let outcome: UpstreamCallFinished['outcome'] = 'ok';
    try {
      const response = await request(this.options.baseUrl + path, {
        method: 'GET',
        headers,
        dispatcher: this.dispatcher,
        signal: deadline,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      status = response.statusCode;
      const text = await readBodyWithin(response.body, this.options.maxBodyBytes, response.headers['content-length']);
      if (status >= 200 && status < 300) return parseJson(text, status);
      throw new UpstreamError({
        kind: 'http',
        status,
        body: parseErrorBody(text),
        retryAfterSeconds: retryAfterOf(status, response.headers['retry-after'], text),
      });
    } catch (error) {
      const failure = classify(error, deadline);
      outcome = OUTCOME[failure.failure.kind] ?? 'unreachable';
      throw failure;
    } finally {
      const durationMs = Math.round(performance.now() - started);
      call.logger.info({ upstream: { method: 'GET', path, status: status ?? null, durationMs, outcome } }, 'upstream call');
      this.options.events?.callFinished?.({ status: status ?? null, durationMs, attempt: 1, outcome });
    }
  }
}

async function readBodyWithin(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
  contentLength: string | string[] | undefined,
): Promise<string> {
  if (typeof contentLength === 'string' && Number(contentLength) > maxBytes) {
    body.destroy();
    throw new UpstreamError({ kind: 'bad-response', reason: `body larger than ${maxBytes} bytes` });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw new UpstreamError({ kind: 'bad-response', reason: `body larger than ${maxBytes} bytes` });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function parseJson(text: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UpstreamError({ kind: 'bad-response', reason: 'the body is not valid JSON', status });
  }
}

function parseErrorBody(text: string): UpstreamErrorBody | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as UpstreamErrorBody) : null;
  } catch {
    return null;
  }
}

function retryAfterOf(status: number, header: string | string[] | undefined, text: string): number | null {
  const fromHeader = parseRetryAfterHeader(header);
  if (fromHeader !== null || status !== 429) return fromHeader;
  return parseRetryAfterMessage(parseErrorBody(text)?.message);
}

const OUTCOME: Partial<Record<UpstreamError['failure']['kind'], UpstreamCallFinished['outcome']>> = {
  http: 'http-error',
  timeout: 'timeout',
  unreachable: 'unreachable',
  'bad-response': 'bad-response',
};

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Low-level failure → UpstreamError. The deadline firing is a timeout whatever undici calls it. */
function classify(error: unknown, deadline: AbortSignal): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (deadline.aborted) return new UpstreamError({ kind: 'timeout' });
  if (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
  ) {
    return new UpstreamError({ kind: 'timeout' });
  }
  const code = (error as { code?: string }).code ?? '';
  const causeCode = ((error as { cause?: { code?: string } }).cause?.code) ?? '';
  if (UNREACHABLE_CODES.has(code) || UNREACHABLE_CODES.has(causeCode) || error instanceof undiciErrors.SocketError) {
    return new UpstreamError({ kind: 'unreachable', cause: code || causeCode || 'socket closed' });
  }
  if (error instanceof SyntaxError) return new UpstreamError({ kind: 'bad-response', reason: 'malformed body' });
  return new UpstreamError({ kind: 'unreachable', cause: code || (error as Error).name || 'unknown' });
}
