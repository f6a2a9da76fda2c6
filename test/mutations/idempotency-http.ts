// Raw HTTP for the idempotency suites: the answer's exact bytes and headers, which a replay must repeat.
import { TEST_TOKEN } from '../harness';
import type { MutationCase } from './mutation-cases';

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, any> }>;
  };
}

/** POST one operation with an Idempotency-Key (null: none), as a client that retries would. */
export async function sendWithKey(
  gateway: { url: string },
  key: string | null,
  document: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: TEST_TOKEN,
      ...(key === null ? {} : { 'idempotency-key': key }),
      ...headers,
    },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await response.text();
  let body: RawAnswer['body'];
  try {
    body = JSON.parse(text) as RawAnswer['body'];
  } catch {
    throw new Error(`HTTP ${response.status}: not JSON:\n${text.slice(0, 2000)}`);
  }
  return { status: response.status, headers: response.headers, text, body };
}

export function sendCase(
  gateway: { url: string },
  key: string | null,
  mutation: MutationCase,
  variant?: string,
): Promise<RawAnswer> {
  return sendWithKey(gateway, key, mutation.document, mutation.variables(variant));
}

/** The one error's code, or a failure that prints the answer. */
export function onlyCode(answer: RawAnswer): string {
  const errors = answer.body.errors ?? [];
  if (errors.length !== 1) throw new Error(`expected exactly one error\nHTTP ${answer.status}\n${answer.text}`);
  return errors[0]!.extensions?.code as string;
}

/** An upstream handler that holds its answer until `release()` is called (then answers with `then`). */
export function heldAnswer(then: (response: import('node:http').ServerResponse) => void): {
  handler: import('../harness').FakeHandler;
  release(): void;
} {
  const waiting: Array<import('node:http').ServerResponse> = [];
  let released = false;
  return {
    handler: (_request, response) => {
      if (released) then(response);
      else waiting.push(response);
    },
    release() {
      released = true;
      for (const response of waiting.splice(0)) then(response);
    },
  };
}
