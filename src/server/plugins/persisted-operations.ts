// Trusted documents: with PERSISTED_OPERATIONS_FILE set, only operations from that allowlist run, by hash.
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { parse, type DocumentNode } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

/** Hash → parsed document. Parsed once at start so a broken entry stops the process instead of failing a caller. */
export type PersistedOperations = ReadonlyMap<string, DocumentNode>;

/** Reads the allowlist (throws a one-line reason; config turns it into a ConfigError): a JSON object `{ "<hash>": "<GraphQL document>" }` (codegen's persisted-documents.json shape). */
export function readPersistedOperations(file: string): PersistedOperations {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${file}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`must be a JSON object of hash → document, but ${file} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`must be a JSON object of hash → document: ${file}`);
  }
  const documents = new Map<string, DocumentNode>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== 'string') throw new Error(`entry "${hash}" must be a GraphQL document string`);
    try {
      documents.set(hash, parse(document));
    } catch (error) {
      throw new Error(`entry "${hash}" is not a GraphQL document: ${(error as Error).message}`);
    }
  }
  if (documents.size === 0) throw new Error(`lists no operations: ${file}`);
  return documents;
}

// Clients name the document either the APQ way or the GraphQL-over-HTTP "documentId" way; accept both.
function persistedOperationId(params: GraphQLParams): string | null {
  const apq = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
  if (apq?.version === 1 && typeof apq.sha256Hash === 'string') return apq.sha256Hash;
  const documentId = (params as { documentId?: unknown }).documentId;
  return typeof documentId === 'string' ? documentId : null;
}

const rejection = (code: string, message: string) => ({ message, extensions: { code, http: { status: 400 } } });

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
