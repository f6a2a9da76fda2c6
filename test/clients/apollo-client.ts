// Apollo Client 4 against the gateway over real HTTP, with a fetch that records what went on the wire.
import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { Defer20220824Handler } from '@apollo/client/incremental';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { TEST_TOKEN } from '../harness/gateway';

export interface WireExchange {
  method: string;
  /** The query string of a GET, the JSON body of a POST. */
  sent: Record<string, unknown>;
  status: number;
  contentType?: string;
  /** The codes of the answer's errors (empty: none, or a streamed answer). */
  codes: string[];
}

export interface RecordingClient {
  client: ApolloClient;
  wire: WireExchange[];
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Apollo Client with `links` in front of its HttpLink to `${url}/graphql`; every exchange is recorded. */
export function apolloClient(
  url: string,
  options: { links?: ApolloLink[]; headers?: Record<string, string> } = {},
): RecordingClient {
  const wire: WireExchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const target = new URL(String(input));
    const response = await fetch(input, init);
    const exchange: WireExchange = {
      method: init?.method ?? 'GET',
      sent: init?.body
        ? (JSON.parse(String(init.body)) as Record<string, unknown>)
        : Object.fromEntries(target.searchParams),
      status: response.status,
      codes: [],
    };
    wire.push(exchange);
    exchange.contentType = response.headers.get('content-type') ?? '';
    if (exchange.contentType.includes('json')) {
      const body = (await response.clone().json()) as { errors?: { extensions?: { code?: string } }[] };
      exchange.codes = (body.errors ?? []).map((error) => error.extensions?.code ?? '(none)');
    }
    return response;
  };
  const http = new HttpLink({
    uri: `${url}/graphql`,
    fetch: recordingFetch,
    // The CSRF header lets the hashed GETs through (a browser sends it as any custom header: preflighted).
    headers: { authorization: TEST_TOKEN, 'x-graphql-yoga-csrf': '1', ...options.headers },
  });
  // The incremental format Yoga's executor answers @defer with (`incremental: [{ data, path }]`, `hasNext`).
  const client = new ApolloClient({
    link: ApolloLink.from([...(options.links ?? []), http]),
    cache: new InMemoryCache(),
    incrementalHandler: new Defer20220824Handler(),
  });
  return { client, wire };
}

export function persistedQueryLink(useGETForHashedQueries = false): PersistedQueryLink {
  return new PersistedQueryLink({ sha256, useGETForHashedQueries });
}
