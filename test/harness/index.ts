// The one test harness: a fake upstream on 127.0.0.1 and the gateway in front of it, over real HTTP.
// A suite calls `useGateway()` once; a one-off variant uses `withGateway(env, fn)`; every request goes
// through `execute`, and `expectNoErrors` / `expectOnlyError` print the operation and body when they fail.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { FakeUpstream } from '../fakes/upstream';
import { startTestGateway, TEST_TOKEN, type TestGateway } from '../support/gateway';

export { FakeUpstream, json, faults, closedPort } from '../fakes/upstream';
export { TEST_TOKEN, CapturedLogs, type TestGateway } from '../support/gateway';

export interface GraphQLErrorBody {
  message: string;
  path?: Array<string | number>;
  locations?: Array<{ line: number; column: number }>;
  extensions?: Record<string, any>;
}

export interface ExecutionResult<TData = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: TData | null; errors?: GraphQLErrorBody[] };
  /** The operation text that was sent, for failure messages. */
  operation: string;
}

export type Operation<TData, TVariables> = TypedDocumentNode<TData, TVariables> | DocumentNode | string;

export interface GatewayOptions {
  /** Gateway environment on top of UPSTREAM_BASE_URL (the fake's) and LOG_LEVEL=debug. */
  env?: Record<string, string>;
  /** Scripts the fake before the gateway starts (e.g. to answer a warm-up); reset between tests all the same. */
  upstream?: (upstream: FakeUpstream) => void;
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
    const gateway = await startTestGateway(upstream.url, options.env ?? {});
    const closeGateway = gateway.close.bind(gateway);
    return Object.assign(gateway, {
      upstream,
      close: async () => {
        await closeGateway();
        await upstream.stop();
      },
    });
  } catch (error) {
    await upstream.stop();
    throw error;
  }
}

/**
 * A fake upstream and a gateway for one describe block: started in beforeAll, the fake's routes and recorded
 * requests cleared after each test, both stopped in afterAll. Read `gateway` inside tests, not at collection time.
 */
export function useGateway(options: GatewayOptions = {}): { readonly gateway: HarnessGateway; readonly upstream: FakeUpstream } {
  let current: HarnessGateway | undefined;
  beforeAll(async () => {
    current = await start(options);
  });
  afterEach(() => {
    current?.upstream.reset();
    options.upstream?.(current!.upstream);
  });
  afterAll(async () => {
    await current?.close();
  });
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

/** A one-off gateway (and its own fake upstream) for one variant of the config; always stopped, even on failure. */
export async function withGateway<T>(env: Record<string, string>, fn: (gateway: HarnessGateway) => Promise<T>, options: Omit<GatewayOptions, 'env'> = {}): Promise<T> {
  const gateway = await start({ ...options, env });
  try {
    return await fn(gateway);
  } finally {
    await gateway.close();
  }
}

/** POST /graphql over real HTTP, with the test token unless `headers` says otherwise. */
export async function execute<TData = Record<string, any>, TVariables = Record<string, unknown>>(
  gateway: { url: string },
  document: Operation<TData, TVariables>,
  variables?: TVariables,
  /** operationName: which operation of a many-operation document to run (as GraphiQL's run button sends it). */
  options: { headers?: Record<string, string>; operationName?: string } = {},
): Promise<ExecutionResult<TData>> {
  const operation = textOf(document);
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: TEST_TOKEN, ...options.headers },
    body: JSON.stringify({ query: operation, variables, operationName: options.operationName }),
  });
  const text = await response.text();
  let body: ExecutionResult<TData>['body'];
  try {
    body = JSON.parse(text) as ExecutionResult<TData>['body'];
  } catch {
    throw new Error(`HTTP ${response.status}: not JSON:\n${text.slice(0, 2000)}\n--- operation:\n${operation}`);
  }
  return { status: response.status, headers: response.headers, body, operation };
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
export { createLiveClient, type LiveClient, type LiveTransport, type SubscriptionRecording } from './subscriptions';
export { RedisServer } from './redis-server';
export { spawnGateway, type SpawnedGateway } from '../support/spawn-gateway';
