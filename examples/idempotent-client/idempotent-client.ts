// A typed GraphQL client for mutations that may be retried safely: one Idempotency-Key per intended write, reused
// on every retry of it, so the gateway sends the write upstream at most once (docs/mutations.md#idempotency-keys).
import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export type WriteOutcome = 'APPLIED' | 'UNKNOWN' | 'NOT_APPLIED';

export interface GraphQLErrorBody {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; outcome?: WriteOutcome; retryAfter?: number; [key: string]: unknown };
}

/** The gateway's answer to the write: the data of every field that worked, and an error (with its outcome) for each that did not. */
export interface WriteAnswer<TData> {
  kind: 'answered';
  data: TData | null;
  errors: GraphQLErrorBody[];
  /** The key the write was sent with: keep it with the intended write until its outcome is known. */
  idempotencyKey: string;
  /** True when the gateway answered from its store (a retry of a request it had already run). */
  replayed: boolean;
}

/** No answer after `maxAttempts`: the write may or may not have been applied; retry later with the same key. */
export interface WriteGaveUp {
  kind: 'gave-up';
  idempotencyKey: string;
  lastProblem: string;
}

export interface IdempotentClientOptions {
  url: string;
  authorization: string;
  /** Attempts for one write, the first included (default 5). */
  maxAttempts?: number;
  /** How long one attempt may take before the client drops it and retries with the same key (default 10 s). */
  attemptTimeoutMs?: number;
  /** The wait before attempt n + 1 (default 200 ms · 2^n, at most 5 s; a `retryAfter` from the gateway wins). */
  backoffMs?: (attempt: number) => number;
  fetch?: typeof fetch;
  /** Sees each attempt's result (for logs). */
  onAttempt?: (attempt: number, result: string) => void;
}

/** The key was used for a different request: a bug in the caller (one key per intended write), never retried. */
export class KeyReusedError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`Idempotency-Key ${idempotencyKey} was used for another request`);
    this.name = 'KeyReusedError';
  }
}

// Answers that say "the same key will work later": still running elsewhere, or the key store briefly down.
const RETRY_SAME_KEY = new Set(['IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_UNAVAILABLE']);

export class IdempotentClient {
  constructor(private readonly options: IdempotentClientOptions) {}

  /**
   * Sends one intended write. Retries with the same key when no usable answer came (a dropped connection, a timeout,
   * a 5xx without a GraphQL body, IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_UNAVAILABLE); any GraphQL answer is returned as
   * is, field errors included — a retry with the same key would only replay it. Pass `idempotencyKey` to resume a
   * write an earlier process started.
   */
  async mutate<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    idempotencyKey: string = randomUUID(),
  ): Promise<WriteAnswer<TData> | WriteGaveUp> {
    const { maxAttempts = 5, attemptTimeoutMs = 10_000, backoffMs = defaultBackoff, onAttempt } = this.options;
    const fetchImpl = this.options.fetch ?? fetch;
    const body = JSON.stringify({ query: print(document), variables });
    let lastProblem = 'not sent';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let waitMs = backoffMs(attempt);
      try {
        const response = await fetchImpl(this.options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: this.options.authorization,
            'idempotency-key': idempotencyKey,
          },
          body,
          signal: AbortSignal.timeout(attemptTimeoutMs),
        });
        const answer = await readAnswer<TData>(response);
        if (answer === null) {
          lastProblem = `HTTP ${response.status} without a GraphQL answer`;
        } else {
          const refusal = answer.errors.length === 1 && answer.data == null ? answer.errors[0]!.extensions : undefined;
          if (refusal?.code === 'IDEMPOTENCY_KEY_REUSED') throw new KeyReusedError(idempotencyKey);
          if (refusal?.code !== undefined && RETRY_SAME_KEY.has(refusal.code)) {
            lastProblem = refusal.code;
            if (typeof refusal.retryAfter === 'number') waitMs = refusal.retryAfter * 1000;
          } else {
            onAttempt?.(attempt, 'answered');
            return {
              kind: 'answered',
              data: answer.data,
              errors: answer.errors,
              idempotencyKey,
              replayed: response.headers.get('idempotent-replayed') === 'true',
            };
          }
        }
      } catch (error) {
        if (error instanceof KeyReusedError) throw error;
        // The request may have reached the gateway: only the same key makes sending it again safe.
        lastProblem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      onAttempt?.(attempt, lastProblem);
      if (attempt < maxAttempts) await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    return { kind: 'gave-up', idempotencyKey, lastProblem };
  }
}

/** What the caller should do about one field's error (the table in docs/mutations.md). */
export function adviceFor(
  error: GraphQLErrorBody,
): 'done-but-unreadable' | 'look-before-sending-again-with-a-new-key' | 'fix-and-send-with-a-new-key' {
  switch (error.extensions?.outcome) {
    case 'APPLIED':
      return 'done-but-unreadable';
    case 'NOT_APPLIED':
      return 'fix-and-send-with-a-new-key';
    default:
      // UNKNOWN, or an error outside a mutation field: assume it may have been applied.
      return 'look-before-sending-again-with-a-new-key';
  }
}

function defaultBackoff(attempt: number): number {
  return Math.min(200 * 2 ** (attempt - 1), 5_000);
}

async function readAnswer<TData>(
  response: Response,
): Promise<{ data: TData | null; errors: GraphQLErrorBody[] } | null> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return null;
  try {
    const parsed = (await response.json()) as { data?: TData | null; errors?: GraphQLErrorBody[] };
    return { data: parsed.data ?? null, errors: parsed.errors ?? [] };
  } catch {
    return null;
  }
}
