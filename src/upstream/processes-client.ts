import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import type { Logger } from 'pino';
import type { CredentialsProvider } from './credentials';
import { readBodyWithin } from './bounded-body';
import { processPath } from './process-id';
import { processListPath } from './process-list-query';
import type { ProcessListArguments } from '../validation/process-list-arguments';
import { processRunPath } from './process-run-id';
import { toUpstreamProcess, toUpstreamProcessPage } from './process-shape';
import type { UpstreamProcess, UpstreamProcessPage } from './process-types';
import { processRunShapeProblem } from './process-run-shape';
import { parseCreatedJobRuns } from './process-write-shapes';
import { retryPolicyFor, type UpstreamMethod } from './resilience/failure-policy';
import { jobRunsPath, type JobRunsPlacement } from './write-paths';
import { UpstreamBreaker, type BreakerOptions } from './resilience/circuit-breakers';
import { Deadline } from './resilience/deadline';
import { withRetries, type AttemptContext, type RetryOptions } from './resilience/retry';
import { UPSTREAM_DEFAULTS } from '../config/config';
import type { RateLimit } from '../config/rate-limit';
import type { RateBudget } from './resilience/rate-budget';
import type { CallerRateBudget } from './resilience/caller-rate-budget';
import { TokenBucket } from './resilience/token-bucket';
import { parseRetryAfterHeader, parseRetryAfterMessage } from './retry-after';
import type { UpstreamErrorBody, UpstreamJobRun, UpstreamProcessRun } from './types';
import type { UpstreamBatchUpdateItem, UpstreamJobRunCreate, UpstreamProcessCreate } from './write-types';
import { UpstreamError } from '../errors/upstream-failure';
import type { UpstreamCallFinished, UpstreamEndpoint, UpstreamEvents } from './upstream-events';
import type { CachedEndpoint } from './cache/cache-policy';
import type { CacheNotice } from './cache/cached-answer';
import { CallerHashes } from '../identity/caller-hashes';
import { UpstreamCache } from './cache/upstream-cache';
import type { WrittenTargets } from './cache/written-targets';

export interface ProcessesClientOptions {
  baseUrl: string;
  apiVersion: string;
  /** Bounds the whole call: token fetch, every attempt and every backoff wait. */
  timeoutMs: number;
  maxBodyBytes: number;
  credentials: CredentialsProvider;
  logger: Logger;
  /** Keep-alive pool; one per process so sockets are reused across requests. */
  dispatcher?: Dispatcher;
  events?: UpstreamEvents;
  /** Per-attempt limits on waiting for the headers and between body chunks; the deadline cuts in first if sooner. */
  attemptTimeouts?: { headersMs: number; bodyMs: number };
  /** Default: UPSTREAM_DEFAULTS (src/config/config.ts). */
  retry?: RetryOptions;
  /** Null: no breaker. Default: UPSTREAM_DEFAULTS (src/config/config.ts). */
  breaker?: BreakerOptions | null;
  /** Client-side budget of upstream requests (each attempt takes one); null or absent: none. */
  rateLimit?: RateLimit | null;
  /** A budget built elsewhere (the Redis-shared one); when given, rateLimit is ignored. */
  rateBudget?: RateBudget | null;
  /** Coalescing and the answer cache (docs/caching.md). Default: coalescing only, no cache tier. */
  cache?: UpstreamCache;
  /** UPSTREAM_RATE_LIMIT_PER_CALLER: each caller's share, taken before the global budget; null or absent: none. */
  callerBudget?: CallerRateBudget | null;
}

/** Per-call facts that come from the GraphQL request. */
export interface UpstreamCall {
  callerAuthorization: string | null;
  requestId: string;
  logger: Logger;
  /** The caller's budget key (a hash: JWT sub, or the credential's HMAC); only asked for with a per-caller budget. */
  callerKey?: () => string;
  /** W3C trace context to continue upstream, when the caller sent one. */
  traceparent?: string | null;
  tracestate?: string | null;
  /** Told, per GET, whether a cache answered and how old its answer was (only when the caller asked to know). */
  cacheNotice?: (notice: CacheNotice) => void;
  /** Told each attempt's HTTP status (null: no answer), e.g. for the audit trail of a write. */
  onAttemptStatus?: (status: number | null) => void;
}

/** One HTTP request to the upstream: the method decides what may be retried (failure-policy.ts). */
interface UpstreamRequest {
  /** The bounded label for logs and metrics. */
  endpoint: UpstreamEndpoint;
  method: UpstreamMethod;
  /** Path and query, already encoded. */
  path: string;
  /** Sent as JSON when present. */
  body?: unknown;
}

export interface UpstreamAgentOptions {
  /** Sockets per origin. */
  connections?: number;
  connectTimeoutMs?: number;
}

export function createUpstreamAgent({
  connections = UPSTREAM_DEFAULTS.maxSockets,
  connectTimeoutMs = UPSTREAM_DEFAULTS.connectTimeoutMs,
}: UpstreamAgentOptions = {}): Agent {
  return new Agent({
    connections,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connect: { timeout: connectTimeoutMs },
  });
}

const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: UPSTREAM_DEFAULTS.maxAttempts,
  baseDelayMs: UPSTREAM_DEFAULTS.retryBaseDelayMs,
  maxDelayMs: UPSTREAM_DEFAULTS.retryMaxDelayMs,
};
const DEFAULT_BREAKER: BreakerOptions = {
  threshold: UPSTREAM_DEFAULTS.breakerThreshold,
  halfOpenAfterMs: UPSTREAM_DEFAULTS.breakerHalfOpenAfterMs,
};

/** The client's methods that change nothing upstream: a new read method goes here (every other one is a write). */
export const NOT_WRITES = [
  'getProcessRun',
  'keepRelayedProcessRun',
  'getProcess',
  'listProcesses',
  'readJson',
  'breakerReport',
  'close',
] as const;

/**
 * The one module that speaks HTTP to the Processes API. Policy per call: local rate budget → circuit breaker →
 * retries with backoff, all inside one deadline; a 401 on a token this gateway fetched is retried once with a new one.
 * Helpers are #private: src/writes/process-writes.ts offers every other prototype method not in NOT_WRITES as a write.
 */
export class ProcessesClient {
  private readonly dispatcher: Dispatcher;
  private readonly breaker: UpstreamBreaker | null;
  private readonly budget: RateBudget | null;
  private readonly retry: RetryOptions;
  private readonly cache: UpstreamCache;

  constructor(private readonly options: ProcessesClientOptions) {
    this.cache =
      options.cache ??
      new UpstreamCache({
        ttls: { ttlMs: 0, terminalTtlMs: 0 },
        maxBytes: 1024,
        callerHashes: new CallerHashes({ credentialSecret: null }),
        logger: options.logger,
      });
    this.dispatcher = options.dispatcher ?? createUpstreamAgent();
    this.retry = options.retry ?? DEFAULT_RETRY;
    const breaker = options.breaker === undefined ? DEFAULT_BREAKER : options.breaker;
    this.breaker =
      breaker && new UpstreamBreaker(new URL(options.baseUrl).origin, breaker, options.logger, options.events);
    this.budget = options.rateBudget ?? (options.rateLimit ? new TokenBucket(options.rateLimit) : null);
  }

  /** `live`: a poll loop asking; it always reaches the upstream (or a call in flight) and its answer serves later reads. */
  async getProcessRun(
    id: string,
    excludeGeneratedJobs: boolean,
    call: UpstreamCall,
    { live = false } = {},
  ): Promise<UpstreamProcessRun> {
    const { path } = readRequest({ endpoint: 'getProcessRun', id, excludeGeneratedJobs });
    const { body, status } = await this.#read('getProcessRun', path, call, asProcessRun, live);
    return asProcessRun(body, status);
  }

  /**
   * A run state another replica's live loop polled (relayed through Redis): kept in this replica's cache where a
   * `getProcessRun` with the same credential and variant finds it, as if this replica had polled it then. A body
   * that is not a run is not kept (as a poll's would not be).
   */
  keepRelayedProcessRun(
    id: string,
    excludeGeneratedJobs: boolean,
    callerAuthorization: string | null,
    relayed: { run: unknown; json: string; requestedAt: number; polledAt: number },
  ): boolean {
    if (processRunShapeProblem(relayed.run)) return false;
    const { path } = readRequest({ endpoint: 'getProcessRun', id, excludeGeneratedJobs });
    return this.cache.keepRelayedRun({
      path,
      callerAuthorization,
      body: relayed.run,
      bytes: Buffer.byteLength(relayed.json),
      requestedAt: relayed.requestedAt,
      answeredAt: relayed.polledAt,
    });
  }

  /** GET /processes/{id}: the build-time Process. */
  async getProcess(id: string, excludeGeneratedJobs: boolean, call: UpstreamCall): Promise<UpstreamProcess> {
    const { path } = readRequest({ endpoint: 'getProcess', id, excludeGeneratedJobs });
    const { body, status } = await this.#read('getProcess', path, call, asProcess);
    return asProcess(body, status);
  }

  /** GET /processes: one page. A later page is asked for with the `$next` token only, from this client's base URL. */
  async listProcesses(
    args: ProcessListArguments,
    nextToken: string | null,
    call: UpstreamCall,
  ): Promise<UpstreamProcessPage> {
    const { path } = readRequest({ endpoint: 'listProcesses', args, nextToken });
    const { body } = await this.#read('listProcesses', path, call, toUpstreamProcessPage);
    return toUpstreamProcessPage(body);
  }

  /** A read's JSON as sent, unparsed (GET only): the conformance probe (src/probe/) judges the shapes itself. */
  async readJson(read: UpstreamRead, call: UpstreamCall): Promise<unknown> {
    return (await this.#send(readRequest(read), call)).body;
  }

  /** POST /processes/{id}/run (201): starts a run. Never retried once it may have reached the upstream. */
  async runProcess(
    processId: string,
    options: { sendProcessCompleteEmail?: boolean },
    call: UpstreamCall,
  ): Promise<UpstreamProcessRun> {
    const body =
      options.sendProcessCompleteEmail === undefined
        ? undefined
        : { sendProcessCompleteEmail: options.sendProcessCompleteEmail };
    const answer = await this.#write(
      { endpoint: 'runProcess', method: 'POST', path: `${processPath(processId)}/run`, body },
      call,
      { processId },
    );
    return asProcessRun(answer.body, answer.status);
  }

  /** POST /processRuns/{id}/jobRuns: inserts jobs into a run; answers the created JobRuns (shape guessed, parsed tolerantly). */
  async addJobRuns(
    processRunId: string,
    jobs: UpstreamJobRunCreate[],
    placement: JobRunsPlacement,
    call: UpstreamCall,
  ): Promise<UpstreamJobRun[]> {
    const { body, status } = await this.#write(
      { endpoint: 'addJobRuns', method: 'POST', path: jobRunsPath(processRunId, placement), body: jobs },
      call,
      { processRunId },
    );
    const parsed = parseCreatedJobRuns(body);
    if (typeof parsed === 'string')
      throw new UpstreamError({ kind: 'bad-response', reason: `not the created job runs (${parsed})`, status });
    return parsed;
  }

  /** POST /processes: creates a process (not started). */
  async createProcess(process: UpstreamProcessCreate, call: UpstreamCall): Promise<UpstreamProcess> {
    const { body, status } = await this.#write(
      { endpoint: 'createProcess', method: 'POST', path: '/processes', body: process },
      call,
      {},
    );
    return asProcess(body, status);
  }

  /** POST /processes/{id}/batchUpdates: renames jobs and groups; answers the Process. */
  async batchUpdateProcess(
    processId: string,
    items: UpstreamBatchUpdateItem[],
    call: UpstreamCall,
  ): Promise<UpstreamProcess> {
    const path = `${processPath(processId)}/batchUpdates`;
    const { body, status } = await this.#write(
      { endpoint: 'batchUpdateProcess', method: 'POST', path, body: { data: items } },
      call,
      { processId },
    );
    return asProcess(body, status);
  }

  /** DELETE /processes/{id} (204): moves the process to trash. */
  async trashProcess(processId: string, call: UpstreamCall): Promise<void> {
    await this.#write({ endpoint: 'trashProcess', method: 'DELETE', path: processPath(processId) }, call, {
      processId,
    });
  }

  /** The upstream breaker when it is not closed ('open': failing fast; 'half-open': the next call probes), else null. */
  breakerReport(): 'open' | 'half-open' | null {
    return this.breaker?.report() ?? null;
  }

  /** Called once the HTTP server has drained: an upstream call still open belongs to a cut connection, so it is aborted. */
  async close(): Promise<void> {
    await this.dispatcher.destroy();
    await this.cache.close();
  }

  /**
   * A GET through the cache and coalescing (cache/upstream-cache.ts): the same answer for the same credential and URL.
   * `parse` runs before anything is stored: a body of the wrong shape is an error, and errors are not cached.
   */
  #read(
    endpoint: CachedEndpoint,
    path: string,
    call: UpstreamCall,
    parse: (body: unknown, status: number) => unknown,
    live = false,
  ): Promise<{ status: number; body: unknown }> {
    return this.cache.read(
      {
        endpoint,
        path,
        callerAuthorization: call.callerAuthorization,
        source: live ? 'live' : 'upstream',
        notice: call.cacheNotice,
        admit: () => this.#takeCallerShare(call),
      },
      async () => {
        const answer = await this.#send({ endpoint, method: 'GET', path }, call, { callerShareTaken: true });
        parse(answer.body, answer.status);
        return { status: answer.status, body: answer.body, text: answer.text };
      },
    );
  }

  /**
   * A write, then (whatever its outcome: an unknown one may have changed the upstream) the cache forgets what it
   * touched for this credential, on every replica, before the answer goes back.
   */
  async #write(request: UpstreamRequest, call: UpstreamCall, touched: WrittenTargets): Promise<Answer> {
    try {
      return await this.#send(request, call);
    } finally {
      await this.cache.invalidate(call.callerAuthorization, touched);
    }
  }

  /** One deadline for the whole call. A 401 on a token this gateway fetched is safe to retry for any method: it was refused. */
  async #send(request: UpstreamRequest, call: UpstreamCall, { callerShareTaken = false } = {}): Promise<Answer> {
    const { credentials } = this.options;
    if (!callerShareTaken) await this.#takeCallerShare(call);
    const deadline = new Deadline(this.options.timeoutMs);
    try {
      const authorization = await credentials.authorizationFor(call.callerAuthorization, deadline.signal);
      try {
        return await this.#guarded(request, authorization, call, deadline);
      } catch (error) {
        const refused = error instanceof UpstreamError && error.failure.kind === 'http' && error.failure.status === 401;
        if (!refused || !authorization || !credentials.invalidate?.(authorization)) throw error;
        call.logger.info(
          { upstream: { method: request.method, endpoint: request.endpoint, path: request.path } },
          'upstream refused the gateway token: fetching a new one, trying once more',
        );
        const fresh = await credentials.authorizationFor(call.callerAuthorization, deadline.signal);
        return await this.#guarded(request, fresh, call, deadline);
      }
    } finally {
      deadline.dispose();
    }
  }

  /** Rate budget, then breaker, then retries (the caller's share is taken before: send, or the cache's admit). */
  async #guarded(
    request: UpstreamRequest,
    authorization: string | null,
    call: UpstreamCall,
    deadline: Deadline,
  ): Promise<Answer> {
    await this.#takeToken(null);
    const run = () =>
      withRetries(
        (attempt) => this.#attempt(request, authorization, call, deadline, attempt),
        deadline,
        this.retry,
        (notice) => {
          call.logger.warn(
            { upstream: { method: request.method, endpoint: request.endpoint, path: request.path, ...notice } },
            'upstream retry',
          );
          this.options.events?.retry?.({ ...notice, endpoint: request.endpoint });
        },
        retryPolicyFor(request.method),
      );
    return this.breaker ? this.breaker.execute(`${request.method} ${request.path}`, run) : run();
  }

  /** One caller at full speed must leave the others served: its own share runs out before the gateway's budget. */
  async #takeCallerShare(call: UpstreamCall): Promise<void> {
    if (!this.options.callerBudget || !call.callerKey) return;
    const waitMs = await this.options.callerBudget.take(call.callerKey());
    if (waitMs === null) return;
    throw new UpstreamError({
      kind: 'rate-limited-locally',
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      scope: 'caller',
    });
  }

  /** Takes one request from the budget. Over budget: RATE_LIMITED, or on a retry the previous answer stands. */
  async #takeToken(previous: UpstreamError | null): Promise<void> {
    const waitMs = (await this.budget?.take()) ?? null;
    if (waitMs === null) return;
    if (previous) throw previous;
    throw new UpstreamError({
      kind: 'rate-limited-locally',
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      scope: 'gateway',
    });
  }

  async #attempt(
    { endpoint, method, path, body }: UpstreamRequest,
    authorization: string | null,
    call: UpstreamCall,
    deadline: Deadline,
    { attempt, previous, giveUp }: AttemptContext,
  ): Promise<Answer> {
    if (attempt > 1) {
      try {
        await this.#takeToken(previous);
      } catch (error) {
        throw giveUp(error as UpstreamError);
      }
    }
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-version': this.options.apiVersion,
      'x-request-id': call.requestId,
    };
    if (authorization) headers.authorization = authorization;
    if (call.traceparent) headers.traceparent = call.traceparent;
    if (call.traceparent && call.tracestate) headers.tracestate = call.tracestate;
    if (body !== undefined) headers['content-type'] = 'application/json';

    const limits = this.options.attemptTimeouts ?? {
      headersMs: this.options.timeoutMs,
      bodyMs: this.options.timeoutMs,
    };
    const started = performance.now();
    let status: number | undefined;
    let outcome: UpstreamCallFinished['outcome'] = 'ok';
    try {
      const response = await request(this.options.baseUrl + path, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        dispatcher: this.dispatcher,
        signal: deadline.signal,
        headersTimeout: limits.headersMs,
        bodyTimeout: limits.bodyMs,
      });
      status = response.statusCode;
      const text = await readBodyWithin(response.body, this.options.maxBodyBytes, response.headers['content-length']);
      if (status >= 200 && status < 300) return { status, body: text === '' ? null : parseJson(text, status), text };
      throw new UpstreamError({
        kind: 'http',
        status,
        body: parseErrorBody(text),
        retryAfterSeconds: retryAfterOf(status, response.headers['retry-after'], text),
      });
    } catch (error) {
      let failure = classify(error, deadline.signal);
      // An oversized body is still an answer with a status: for a write, a 2xx means it was applied.
      if (failure.failure.kind === 'bad-response' && failure.failure.status === undefined && status !== undefined) {
        failure = new UpstreamError({ ...failure.failure, status });
      }
      outcome = OUTCOME[failure.failure.kind] ?? 'unreachable';
      throw failure;
    } finally {
      const durationMs = Math.round(performance.now() - started);
      call.logger.info(
        { upstream: { method, endpoint, path, status: status ?? null, durationMs, outcome, attempt } },
        'upstream call',
      );
      this.options.events?.callFinished?.({ endpoint, status: status ?? null, durationMs, attempt, outcome });
      call.onAttemptStatus?.(status ?? null);
    }
  }
}

/** The three reads, each one GET: the typed methods and readJson build their request here alone. */
export type UpstreamRead =
  | { endpoint: 'getProcessRun' | 'getProcess'; id: string; excludeGeneratedJobs: boolean }
  | { endpoint: 'listProcesses'; args: ProcessListArguments; nextToken: string | null };

function readRequest(read: UpstreamRead): UpstreamRequest {
  if (read.endpoint === 'listProcesses')
    return { endpoint: read.endpoint, method: 'GET', path: processListPath(read.args, read.nextToken) };
  const path = read.endpoint === 'getProcess' ? processPath(read.id) : processRunPath(read.id);
  return {
    endpoint: read.endpoint,
    method: 'GET',
    path: path + (read.excludeGeneratedJobs ? '?excludeGeneratedJobs=true' : ''),
  };
}

/** A 2xx answer: its status and parsed body (null when empty, e.g. a 204). */
interface Answer {
  status: number;
  body: unknown;
  /** The body as received (its size bounds the cache; the Redis tier stores it as is). */
  text: string;
}

function asProcessRun(body: unknown, status: number): UpstreamProcessRun {
  const problem = processRunShapeProblem(body);
  if (problem) throw new UpstreamError({ kind: 'bad-response', reason: `not a process run (${problem})`, status });
  return body as UpstreamProcessRun;
}

/** The one Process parser (process-shape.ts), keeping the real 2xx status: for a write it says the upstream acted. */
function asProcess(body: unknown, status: number): UpstreamProcess {
  try {
    return toUpstreamProcess(body);
  } catch (error) {
    if (error instanceof UpstreamError && error.failure.kind === 'bad-response')
      throw new UpstreamError({ ...error.failure, status });
    throw error;
  }
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
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as UpstreamErrorBody)
      : null;
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

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Low-level failure → UpstreamError. The deadline firing is a timeout whatever undici calls it. */
function classify(error: unknown, deadline: AbortSignal): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (deadline.aborted) return new UpstreamError({ kind: 'timeout' });
  if (error instanceof undiciErrors.ConnectTimeoutError)
    return new UpstreamError({ kind: 'timeout', phase: 'connect' });
  if (error instanceof undiciErrors.HeadersTimeoutError)
    return new UpstreamError({ kind: 'timeout', phase: 'headers' });
  if (error instanceof undiciErrors.BodyTimeoutError) return new UpstreamError({ kind: 'timeout', phase: 'body' });
  const code = (error as { code?: string }).code ?? '';
  const causeCode = (error as { cause?: { code?: string } }).cause?.code ?? '';
  if (UNREACHABLE_CODES.has(code) || UNREACHABLE_CODES.has(causeCode) || error instanceof undiciErrors.SocketError) {
    return new UpstreamError({ kind: 'unreachable', cause: code || causeCode || 'socket closed' });
  }
  if (error instanceof SyntaxError) return new UpstreamError({ kind: 'bad-response', reason: 'malformed body' });
  return new UpstreamError({ kind: 'unreachable', cause: code || (error as Error).name || 'unknown' });
}
