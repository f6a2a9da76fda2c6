// Subscriptions over real clients: graphql-sse (Yoga's built-in SSE, distinct connections mode), graphql-ws, and
// Apollo Client's HttpLink (multipart, Apollo's subscriptionSpec=1.0).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { parse, print, type DocumentNode } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLErrorBody } from './index';
import { TEST_TOKEN } from './gateway';

export type LiveTransport = 'sse' | 'ws' | 'multipart';

export interface SubscriptionEvent<TData> {
  data?: TData | null;
  errors?: GraphQLErrorBody[];
}

/** What one subscription received, as it arrives. */
export interface SubscriptionRecording<TData = Record<string, any>> {
  readonly events: Array<SubscriptionEvent<TData>>;
  /** Set once the server completed the subscription. */
  readonly completed: boolean;
  /** Set when the transport failed (graphql-ws `error`, network errors). */
  readonly failure: unknown;
  /** Resolves once `count` events arrived (rejects after `timeoutMs`, with what did arrive). */
  waitForEvents(count: number, timeoutMs?: number): Promise<Array<SubscriptionEvent<TData>>>;
  /** Resolves when the subscription completed or failed. */
  waitForEnd(timeoutMs?: number): Promise<void>;
  /** The client leaves (unsubscribes). */
  dispose(): void;
}

interface Sink {
  next(value: unknown): void;
  error(error: unknown): void;
  complete(): void;
}

// Generous: these wait for events that arrive within a few poll intervals; only a broken gateway reaches them.
const DEFAULT_WAIT_MS = 15_000;

function record<TData>(start: (sink: Sink) => () => void): SubscriptionRecording<TData> {
  const events: Array<SubscriptionEvent<TData>> = [];
  let completed = false;
  let failure: unknown = undefined;
  let ended = false;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((waiter) => waiter());
  const unsubscribe = start({
    next: (value) => {
      events.push(value as SubscriptionEvent<TData>);
      notify();
    },
    error: (error) => {
      failure = error ?? new Error('subscription failed');
      ended = true;
      notify();
    },
    complete: () => {
      completed = true;
      ended = true;
      notify();
    },
  });
  const waitFor = (done: () => boolean, what: () => string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      if (done()) return resolve();
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `${what()}; received ${JSON.stringify(events)}; completed=${completed}; failure=${String(failure)}`,
          ),
        );
      }, timeoutMs);
      waiters.add(check);
    });
  return {
    events,
    get completed() {
      return completed;
    },
    get failure() {
      return failure;
    },
    waitForEvents: async (count, timeoutMs = DEFAULT_WAIT_MS) => {
      await waitFor(
        () => events.length >= count,
        () => `expected ${count} events within ${timeoutMs} ms`,
        timeoutMs,
      );
      return events.slice(0, count);
    },
    waitForEnd: (timeoutMs = DEFAULT_WAIT_MS) =>
      waitFor(
        () => ended,
        () => `expected the subscription to end within ${timeoutMs} ms`,
        timeoutMs,
      ),
    dispose: () => unsubscribe(),
  };
}

export interface LiveClientOptions {
  /** Authorization for the upstream; default the test token. Null: none. */
  authorization?: string | null;
}

/** One client connection: for WebSocket, one socket shared by its subscriptions; for SSE, one HTTP request each. */
export interface LiveClient {
  subscribe<TData = Record<string, any>>(
    document: DocumentNode | string,
    variables?: Record<string, unknown>,
  ): SubscriptionRecording<TData>;
  close(): Promise<void>;
}

export function createLiveClient(
  gateway: { url: string },
  transport: LiveTransport,
  options: LiveClientOptions = {},
): LiveClient {
  const authorization = options.authorization === undefined ? TEST_TOKEN : options.authorization;
  const textOf = (document: DocumentNode | string) => (typeof document === 'string' ? document : print(document));
  if (transport === 'multipart') {
    // The link itself, not the cache: each event as the server sent it, errors included.
    const link = new HttpLink({
      uri: `${gateway.url}/graphql`,
      headers: authorization === null ? {} : { authorization },
    });
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    const open = new Set<SubscriptionRecording<any>>();
    return {
      subscribe: (document, variables) => {
        const query = typeof document === 'string' ? parse(document) : document;
        const recording = record<any>((sink) => {
          const subscription = ApolloLink.execute(link, { query, variables }, { client }).subscribe({
            next: (value) => sink.next(withoutProtocolErrors(value as Record<string, unknown>)),
            error: (error) => sink.error(error),
            complete: () => sink.complete(),
          });
          return () => subscription.unsubscribe();
        });
        open.add(recording);
        return recording;
      },
      close: async () => {
        for (const recording of open) recording.dispose();
        client.stop();
      },
    };
  }
  if (transport === 'sse') {
    const client = createSseClient({
      url: `${gateway.url}/graphql`,
      singleConnection: false,
      retryAttempts: 0,
      headers: authorization === null ? {} : { authorization },
    });
    // graphql-sse's dispose leaves distinct-connection subscriptions open: close each one.
    const open = new Set<SubscriptionRecording<any>>();
    return {
      subscribe: (document, variables) => {
        const recording = record<any>((sink) =>
          client.subscribe({ query: textOf(document), variables }, sink as never),
        );
        open.add(recording);
        return recording;
      },
      close: async () => {
        for (const recording of open) recording.dispose();
        client.dispose();
      },
    };
  }
  const client: WsClient = createWsClient({
    url: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: authorization === null ? {} : { Authorization: authorization },
  });
  return {
    subscribe: (document, variables) =>
      record((sink) => client.subscribe({ query: textOf(document), variables }, sink as never)),
    close: () => client.dispose() as Promise<void>,
  };
}

/** Apollo's link puts a transport error (`payload: null`) under a symbol in `extensions`: as `errors`, like the others. */
function withoutProtocolErrors(value: Record<string, unknown>): Record<string, unknown> {
  const extensions = value.extensions as Record<string | symbol, unknown> | undefined;
  const symbol = extensions && Object.getOwnPropertySymbols(extensions)[0];
  if (!symbol) return value;
  const protocol = extensions[symbol] as { errors?: unknown[] };
  const { extensions: _dropped, ...rest } = value;
  return { ...rest, errors: protocol.errors ?? [] };
}
