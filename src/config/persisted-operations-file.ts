// PERSISTED_OPERATIONS_FILE: read and parsed at start, so a broken allowlist stops the process with one line.
import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Hash → parsed document. Parsed once at start so a broken entry stops the process instead of failing a caller. */
export type PersistedOperations = ReadonlyMap<string, DocumentNode>;

/** Reads the allowlist (throws a one-line reason; config turns it into a ConfigError): a JSON object `{ "<hash>": "<GraphQL document>" }` (codegen's persisted-documents.json shape). */
export function readPersistedOperations(file: string): PersistedOperations {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${file}`, { cause: error });
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
      throw new Error(`entry "${hash}" is not a GraphQL document: ${(error as Error).message}`, { cause: error });
    }
  }
  if (documents.size === 0) throw new Error(`lists no operations: ${file}`);
  return documents;
}
