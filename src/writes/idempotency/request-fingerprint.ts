import { createHash } from 'node:crypto';

/** What makes two requests "the same request" for one key: the document, the operation name and the variables. */
export interface FingerprintedRequest {
  /** The document text, or the persisted document's id when the request sent only that. */
  document: string | null;
  operationName: string | null;
  variables: unknown;
}

/** SHA-256 over a canonical JSON (object keys sorted): the same variables in another key order are the same request. */
export function requestFingerprint({ document, operationName, variables }: FingerprintedRequest): string {
  return createHash('sha256')
    .update(canonicalJson([document, operationName, variables ?? null]))
    .digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
