// Trusted documents: with PERSISTED_OPERATIONS_FILE set, only operations from that allowlist run, by hash.
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { PersistedOperations } from '../../config/persisted-operations-file';
import { gatewayError } from '../../errors/gateway-error';
import { isRefusal, lookupTrustedDocument, trustedDocumentId } from '../trusted-documents';

/** Runs only allowlisted documents; anything else is refused (HTTP 400) before parsing. */
export function useTrustedDocuments(documents: PersistedOperations): Plugin {
  const documentOf = new WeakMap<object, DocumentNode>();
  return {
    onParams({ params, setParams, context }) {
      const found = lookupTrustedDocument(documents, params as never);
      if (isRefusal(found)) throw gatewayError(found.code, found.message, { http: { status: 400 } });
      documentOf.set(context, found);
      // A stand-in text, unique per document, replaced by the parsed allowlist entry in onParse; `documentId` is
      // dropped here, or Yoga would refuse it as an unknown parameter.
      const { operationName, variables, extensions } = params;
      setParams({
        query: `__TRUSTED_DOCUMENT_${trustedDocumentId(params as never)}__`,
        operationName,
        variables,
        extensions,
      });
    },
    onParse({ context, setParsedDocument }) {
      const document = documentOf.get(context);
      if (document) setParsedDocument(document);
    },
  };
}
