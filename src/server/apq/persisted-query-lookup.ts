// APQ per Apollo's protocol, the one lookup both transports use (POST/GET /graphql and WebSocket): a hash alone
// runs the stored query or answers PERSISTED_QUERY_NOT_FOUND (the client then retries with the query); a hash with
// its query is verified here and stored once the operation validates.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { GatewayErrorCode } from '../../errors/error-codes';
import type { PersistedQueryStore } from './persisted-query-store';

export interface PersistedQueryRequest {
  query?: string | null;
  extensions?: Record<string, unknown> | null;
}

export interface PersistedQueryRefusal {
  code: Extract<GatewayErrorCode, 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_NOT_SUPPORTED' | 'BAD_REQUEST'>;
  message: string;
}

/** What to run: the query text, and the hash to store it under once it validates (null: nothing to store). */
export interface PersistedQueryResolution {
  query: string;
  register: string | null;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const PERSISTED_QUERY_REFUSALS = {
  notFound: { code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound' },
  notSupported: {
    code: 'PERSISTED_QUERY_NOT_SUPPORTED',
    message: 'PersistedQueryNotSupported: automatic persisted queries are off (APQ=false); send the query text.',
  },
  version: {
    code: 'BAD_REQUEST',
    message: 'Unsupported persisted query version: send extensions.persistedQuery.version 1.',
  },
  badHash: {
    code: 'BAD_REQUEST',
    message: 'extensions.persistedQuery.sha256Hash must be a SHA-256 hash in lowercase hex (64 characters).',
  },
  mismatch: {
    code: 'BAD_REQUEST',
    message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.',
  },
} as const satisfies Record<string, PersistedQueryRefusal>;

/** The request's APQ extension, if it has one (`undefined`: none; the request is an ordinary one). */
export function persistedQueryOf(
  request: PersistedQueryRequest,
): { version?: unknown; sha256Hash?: unknown } | undefined {
  const apq = (request.extensions as { persistedQuery?: unknown } | null | undefined)?.persistedQuery;
  return apq !== null && typeof apq === 'object' ? (apq as { version?: unknown; sha256Hash?: unknown }) : undefined;
}

/** null: not an APQ request. Else the query to run (and what to register), or why it is refused. */
export async function resolvePersistedQuery(
  store: PersistedQueryStore,
  request: PersistedQueryRequest,
  logger: Logger,
): Promise<PersistedQueryResolution | PersistedQueryRefusal | null> {
  const apq = persistedQueryOf(request);
  if (apq === undefined) return null;
  if (apq.version !== 1) return PERSISTED_QUERY_REFUSALS.version;
  const hash = apq.sha256Hash;
  if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) return PERSISTED_QUERY_REFUSALS.badHash;
  if (typeof request.query === 'string' && request.query !== '') {
    if (createHash('sha256').update(request.query).digest('hex') !== hash) return PERSISTED_QUERY_REFUSALS.mismatch;
    return { query: request.query, register: hash };
  }
  let query: string | null;
  try {
    query = await store.get(hash);
  } catch (error) {
    // A store that cannot answer is a miss: the client retries with the query, which runs (and is stored if it can be).
    logger.warn({ err: error }, 'APQ store unavailable: answered as a miss');
    query = null;
  }
  return query === null ? PERSISTED_QUERY_REFUSALS.notFound : { query, register: null };
}

export function isPersistedQueryRefusal(
  result: PersistedQueryResolution | PersistedQueryRefusal,
): result is PersistedQueryRefusal {
  return 'code' in result;
}

/** Stores a verified query once it validated; a store failure only costs the next request a retry. */
export function registerPersistedQuery(store: PersistedQueryStore, hash: string, query: string, logger: Logger): void {
  store
    .set(hash, query)
    .catch((error: unknown) => logger.warn({ err: error }, 'APQ store unavailable: query not stored'));
}
