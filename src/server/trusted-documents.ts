// Trusted documents (PERSISTED_OPERATIONS_FILE): the one lookup both transports use, POST /graphql (the Yoga
// plugin in plugins/persisted-operations.ts) and WebSocket (websocket-transport.ts), so they cannot drift apart.
import type { DocumentNode } from 'graphql';
import type { PersistedOperations } from '../config/persisted-operations-file';
import type { GatewayErrorCode } from '../errors/error-codes';
import { persistedQueryOf } from './apq/persisted-query-lookup';

export interface TrustedDocumentRequest {
  query?: string | null;
  extensions?: Record<string, unknown> | null;
  documentId?: unknown;
}

export interface TrustedDocumentRefusal {
  code: Extract<
    GatewayErrorCode,
    | 'PERSISTED_QUERY_ONLY'
    | 'PERSISTED_QUERY_ID_REQUIRED'
    | 'PERSISTED_QUERY_NOT_FOUND'
    | 'PERSISTED_QUERY_NOT_SUPPORTED'
  >;
  message: string;
}

export const TRUSTED_DOCUMENT_REFUSALS = {
  queryText: {
    code: 'PERSISTED_QUERY_ONLY',
    message:
      'This gateway only runs trusted documents: send the hash of an allowlisted operation (extensions.persistedQuery.sha256Hash or documentId), not a query.',
  },
  // Apollo's link stops sending hashes on this code, then sends the text alone (and gets PERSISTED_QUERY_ONLY).
  apqRegistration: {
    code: 'PERSISTED_QUERY_NOT_SUPPORTED',
    message: 'This gateway only runs trusted documents: automatic persisted queries cannot register a query here.',
  },
  noId: {
    code: 'PERSISTED_QUERY_ID_REQUIRED',
    message: 'Send the hash of an allowlisted operation as extensions.persistedQuery.sha256Hash or documentId.',
  },
  unknownId: {
    code: 'PERSISTED_QUERY_NOT_FOUND',
    message: 'This operation is not in the trusted documents allowlist.',
  },
} as const satisfies Record<string, TrustedDocumentRefusal>;

/** Clients name the document either the APQ way (version 1) or the GraphQL-over-HTTP `documentId` way. */
export function trustedDocumentId(request: TrustedDocumentRequest): string | null {
  const apq = (
    request.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | null | undefined
  )?.persistedQuery;
  if (apq?.version === 1 && typeof apq.sha256Hash === 'string') return apq.sha256Hash;
  return typeof request.documentId === 'string' ? request.documentId : null;
}

/** The allowlisted document a request names, or why it is refused: query text, no id, or an id not listed. */
export function lookupTrustedDocument(
  documents: PersistedOperations,
  request: TrustedDocumentRequest,
): DocumentNode | TrustedDocumentRefusal {
  if (request.query)
    return persistedQueryOf(request) ? TRUSTED_DOCUMENT_REFUSALS.apqRegistration : TRUSTED_DOCUMENT_REFUSALS.queryText;
  const id = trustedDocumentId(request);
  if (id === null) return TRUSTED_DOCUMENT_REFUSALS.noId;
  return documents.get(id) ?? TRUSTED_DOCUMENT_REFUSALS.unknownId;
}

export function isRefusal(result: DocumentNode | TrustedDocumentRefusal): result is TrustedDocumentRefusal {
  return 'code' in result;
}
