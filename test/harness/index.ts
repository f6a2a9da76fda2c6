// The one test harness: a fake upstream on 127.0.0.1 and the gateway in front of it, over real HTTP.
// A suite calls `useGateway()` once; a one-off variant uses `withGateway(env, fn)`; every request goes
// through `execute` (or `postGraphQL` for a body that is not a document), and `expectNoErrors` /
// `expectOnlyError` print the operation and body when they fail.
// Browser suites: `test/harness/browser.ts` (describeWithChromium, useChromium, saveScreenshot; Playwright loads only there).
// Other entry points: `useDemoGateway` (the embedded demo, in-process), `useSpawnedGateway` / `withSpawnedGateway`
// (`node dist/index.js`, built on demand), `useFakeUpstream` (a client without a gateway), and plain HTTP helpers
// for /health, /ready, /metrics and GraphiQL.
//
// Where tests live (each folder runs on its own: `npx jest test/<folder>`):
//   test/http      HTTP surface: limits, hostile input, CSRF, body limit, request ids and logs, /metrics, GraphiQL
//   test/upstream  the upstream client through the gateway: error mapping, resilience, credentials, budget, tracing
//   test/schema    resolvers: the seed run, the run tree, federation, the example frontend operations
//   test/process   the real entry point (`node dist/index.js`): the only suites that build dist/ (see build.ts)
//   test/config    the config loader, no server
//   test/cache     coalescing and the upstream answer cache (the in-process gateway has the cache off unless asked)
//   test/security  who may act: CORS and ALLOWED_HOSTS, AUTH_MODE=jwt against a real JWKS server (jwks-server.ts),
//                  scopes, the audit trail, secrets, per-caller budgets (raw-http.ts for chosen Host headers)
//   test/mutations, test/live, test/redis   one feature each across the layers (writes; subscriptions over SSE and
//                  WebSocket via createLiveClient; the shared budget against a real redis-server via RedisServer)
// Test operations are typed documents in test/operations/*.graphql (codegen → test/generated/, `npm run codegen`);
// a query stays a string only where its text is the point (hostile, malformed, generated, or a location asserted).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { seedProcessRun } from '../../src/demo/fixtures';
import { FakeUpstream } from './fake-upstream';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { startTestGateway, TEST_TOKEN, type TestGateway } from './gateway';

export { FakeUpstream, json, faults, closedPort, type FakeHandler, type RecordedRequest } from './fake-upstream';
export { TEST_TOKEN, CapturedLogs, type TestGateway } from './gateway';
export { startDemoGateway, useDemoGateway, type DemoGateway } from './demo-gateway';
export {
  spawnGateway,
  useSpawnedGateway,
  withSpawnedGateway,
  killSpawned,
  runEntryPointToExit,
  useBuiltEntryPoint,
  ENTRY_POINT,
  type SpawnedGateway,
} from './spawn';
export { aliasesQuery, deepRun, idsOf, nestedQuery, processTreeQuery } from './queries';
export { WORKIVA_ERROR_BODIES } from './upstream-bodies';
export {
  httpGet,
  openGraphiQL,
  graphiqlOptionsIn,
  scrapeMetrics,
  metricSample,
  metricTotal,
  type HttpResult,
} from './http';

export interface GraphQLErrorBody {
  message: string;
  path?: Array<string | number>;
  locations?: Array<{ line: number; column: number }>;
  extensions?: Record<string, any>;
}

export interface ExecutionResult<TData = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: TData | null; errors?: GraphQLErrorBody[]; extensions?: Record<string, any> };
  /** The operation text (or request body) that was sent, for failure messages. */
  operation: string;
}

export type Operation<TData, TVariables> = TypedDocumentNode<TData, TVariables> | DocumentNode | string;

/** Anything with a URL that answers /graphql; `defaultHeaders` replaces the test token (the demo needs none). */
export interface GraphQLTarget {
  url: string;
  defaultHeaders?: Record<string, string>;
}

/** Header values set to undefined are not sent (e.g. `{ authorization: undefined }` for an anonymous caller). */
export type RequestHeaders = Record<string, string | undefined>;

export interface GatewayOptions {
  /** Gateway environment on top of UPSTREAM_BASE_URL (the fake's) and LOG_LEVEL=debug. */
  env?: Record<string, string>;
  /** Scripts the fake before the gateway starts and again after each reset between tests. */
  upstream?: (upstream: FakeUpstream) => void;
  /**
   * Point the gateway somewhere else than its fake (e.g. a closed port, or a demo upstream started in an earlier
   * beforeAll: a function is read when the gateway starts); the fake still starts and stops.
   */
  upstreamUrl?: string | (() => string);
  /** The upstream is the demo's (its GraphiQL tabs and ids), as `npm start` runs it. */
  demoUpstream?: boolean;
  /** Spans go to this exporter (e.g. InMemorySpanExporter): tracing on without an OTLP endpoint. */
  spanExporter?: SpanExporter;
  /**
   * Serve one ordinary operation before the first test, so short deadlines in the tests never pay for a cold
   * start (first connection, JIT) on a busy machine. Needs the gateway to reach its fake.
   */
  warmUp?: boolean;
  /** `'test'`: a fresh fake and gateway for every test (e.g. a circuit breaker or token cache that must start clean). */
  per?: 'suite' | 'test';
}

export interface HarnessGateway extends TestGateway {
  upstream: FakeUpstream;
}

function textOf(operation: Operation<unknown, unknown>): string {
  return typeof operation === 'string' ? operation : print(operation);
}

async function start(options: GatewayOptions): Promise<HarnessGateway> {
  const upstream = await new FakeUpstream().start();
  options.upstream?.(upstream);
  try {
    const upstreamUrl = typeof options.upstreamUrl === 'function' ? options.upstreamUrl() : options.upstreamUrl;
    const gateway = await startTestGateway(upstreamUrl ?? upstream.url, options.env ?? {}, {
      demoUpstream: options.demoUpstream,
      spanExporter: options.spanExporter,
    });
    const closeGateway = gateway.close.bind(gateway);
    const harnessed = Object.assign(gateway, {
      upstream,
      close: async () => {
        await closeGateway();
        await upstream.stop();
      },
    });
    if (options.warmUp) await warmUp(harnessed, options);
    return harnessed;
  } catch (error) {
    await upstream.stop();
    throw error;
  }
}

async function warmUp(gateway: HarnessGateway, options: GatewayOptions): Promise<void> {
  gateway.upstream.reset();
  gateway.upstream.serveRun({ ...seedProcessRun, id: 'warm-up' });
  expectNoErrors(await execute(gateway, '{ processRun(id: "warm-up") { id name } }'));
  gateway.upstream.reset();
  options.upstream?.(gateway.upstream);
  gateway.logs.lines.length = 0;
}

/**
 * A fake upstream and a gateway for one describe block: started in beforeAll (or beforeEach with `per: 'test'`),
 * the fake's routes and recorded requests cleared after each test, both stopped at the end. Read `gateway` and
 * `upstream` inside tests, not at collection time.
 */
export function useGateway(options: GatewayOptions = {}): {
  readonly gateway: HarnessGateway;
  readonly upstream: FakeUpstream;
} {
  let current: HarnessGateway | undefined;
  if (options.per === 'test') {
    beforeEach(async () => {
      current = await start(options);
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
  } else {
    beforeAll(async () => {
      current = await start(options);
    });
    afterEach(() => {
      if (!current) return;
      current.upstream.reset();
      // Each test reads only its own log lines: a `toContain` must not pass on an earlier test's line.
      current.logs.lines.length = 0;
      options.upstream?.(current.upstream);
    });
    afterAll(async () => {
      await current?.close();
    });
  }
  return {
    get gateway() {
      if (!current) throw new Error('useGateway(): the gateway starts in beforeAll; read it inside a test');
      return current;
    },
    get upstream() {
      if (!current) throw new Error('useGateway(): the gateway starts in beforeAll; read it inside a test');
      return current.upstream;
    },
  };
}

/**
 * Only the fake upstream, for a describe block that drives an upstream client directly (no gateway): started in
 * beforeAll, reset and re-scripted after each test, stopped in afterAll.
 */
export function useFakeUpstream(script?: (upstream: FakeUpstream) => void): { readonly upstream: FakeUpstream } {
  let current: FakeUpstream | undefined;
  beforeAll(async () => {
    current = await new FakeUpstream().start();
    script?.(current);
  });
  afterEach(() => {
    current?.reset();
    if (current) script?.(current);
  });
  afterAll(async () => {
    await current?.stop();
  });
  return {
    get upstream() {
      if (!current) throw new Error('useFakeUpstream(): the fake starts in beforeAll; read it inside a test');
      return current;
    },
  };
}

/** A one-off gateway (and its own fake upstream) for one variant of the config; always stopped, even on failure. */
export async function withGateway<T>(
  env: Record<string, string>,
  fn: (gateway: HarnessGateway) => Promise<T>,
  options: Omit<GatewayOptions, 'env' | 'per'> = {},
): Promise<T> {
  const gateway = await start({ ...options, env });
  try {
    return await fn(gateway);
  } finally {
    await gateway.close();
  }
}

/** POST /graphql over real HTTP, with the test token unless `headers` (or the target's defaults) say otherwise. */
export async function execute<TData = Record<string, any>, TVariables = Record<string, unknown>>(
  gateway: GraphQLTarget,
  document: Operation<TData, TVariables>,
  variables?: TVariables,
  options: { headers?: RequestHeaders; operationName?: string } = {},
): Promise<ExecutionResult<TData>> {
  const operation = textOf(document);
  const body = { query: operation, variables, operationName: options.operationName };
  const result = await postGraphQL<TData>(gateway, body, { headers: options.headers });
  return { ...result, operation };
}

/**
 * POST /graphql with a body as given: a persisted-document hash instead of a query, or a body that is the point
 * of the test (oversized, not a document). A string is sent as is; anything else as JSON.
 */
export async function postGraphQL<TData = Record<string, any>>(
  gateway: GraphQLTarget,
  body: string | Record<string, unknown>,
  options: { headers?: RequestHeaders } = {},
): Promise<ExecutionResult<TData>> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers = Object.fromEntries(
    Object.entries({
      'content-type': 'application/json',
      ...(gateway.defaultHeaders ?? { authorization: TEST_TOKEN }),
      ...options.headers,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers, body: text });
  const answer = await response.text();
  const sent = text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text;
  let parsed: ExecutionResult<TData>['body'];
  try {
    parsed = JSON.parse(answer) as ExecutionResult<TData>['body'];
  } catch {
    throw new Error(`HTTP ${response.status}: not JSON:\n${answer.slice(0, 2000)}\n--- request body:\n${sent}`);
  }
  return { status: response.status, headers: response.headers, body: parsed, operation: sent };
}

function describeResult(result: ExecutionResult<unknown>): string {
  return `--- operation:\n${result.operation}\n--- HTTP ${result.status}:\n${JSON.stringify(result.body, null, 2)}`;
}

/** The data of a response that has no errors; fails with the operation and the body otherwise. */
export function expectNoErrors<TData>(result: ExecutionResult<TData>): TData {
  if (result.status !== 200 || result.body.errors !== undefined || result.body.data == null) {
    throw new Error(`expected data and no errors\n${describeResult(result)}`);
  }
  return result.body.data;
}

/** The one error of a response, which must carry `code`; fails with the operation and the body otherwise. */
export function expectOnlyError(result: ExecutionResult<unknown>, code: string): GraphQLErrorBody {
  const errors = result.body.errors ?? [];
  if (errors.length !== 1 || errors[0]!.extensions?.code !== code) {
    throw new Error(`expected exactly one error with extensions.code ${code}\n${describeResult(result)}`);
  }
  return errors[0]!;
}

/**
 * Polls `check` (every 20 ms unless a costlier check asks for less often) until it holds, instead of sleeping a
 * guessed time. The deadline only bounds a hang: it is generous so a loaded 2-core machine never decides the test.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
  intervalMs = 20,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
export { createLiveClient, type LiveClient, type LiveTransport, type SubscriptionRecording } from './subscriptions';
export { RedisServer } from './redis-server';
