// Trusted documents: with PERSISTED_OPERATIONS_FILE set, only operations from that allowlist run, by hash.
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { PersistedOperations } from '../../config/persisted-operations-file';
import type { GatewayErrorCode } from '../../errors/error-codes';

// Clients name the document either the APQ way or the GraphQL-over-HTTP "documentId" way; accept both.
function persistedOperationId(params: GraphQLParams): string | null {
  const apq = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
  if (apq?.version === 1 && typeof apq.sha256Hash === 'string') return apq.sha256Hash;
  const documentId = (params as { documentId?: unknown }).documentId;
  return typeof documentId === 'string' ? documentId : null;
}

// The plugin takes plain error shapes; the code is still one of the closed list.
const rejection = (code: GatewayErrorCode, message: string) => ({ message, extensions: { code, http: { status: 400 } } });

/** Runs only allowlisted documents; anything else is refused before parsing. */
export function useTrustedDocuments(documents: PersistedOperations): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash) => documents.get(hash) ?? null,
    extractPersistedOperationId: persistedOperationId,
    allowArbitraryOperations: false,
    customErrors: {
      persistedQueryOnly: rejection(
        'PERSISTED_QUERY_ONLY',
        'This gateway only runs trusted documents: send the hash of an allowlisted operation (extensions.persistedQuery.sha256Hash or documentId), not a query.',
      ),
      keyNotFound: rejection(
        'PERSISTED_QUERY_ID_REQUIRED',
        'Send the hash of an allowlisted operation as extensions.persistedQuery.sha256Hash or documentId.',
      ),
      notFound: rejection('PERSISTED_QUERY_NOT_FOUND', 'This operation is not in the trusted documents allowlist.'),
    },
  }) as Plugin;
}
