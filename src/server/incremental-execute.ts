// @defer/@stream: graphql-js 16 and graphql-jit cannot answer them, @graphql-tools/executor (Yoga's own) can.
import { normalizedExecutor } from '@graphql-tools/executor';
import { BREAK, visit, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';

type Execute = (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>;

const INCREMENTAL_DIRECTIVES = new Set(['defer', 'stream']);

/**
 * Documents that use @defer or @stream run on @graphql-tools/executor, which answers them in parts (served as
 * multipart/mixed or SSE by Yoga); every other document keeps `execute` (graphql-js, or graphql-jit's fast path).
 * Both read through the same per-request context, so deferred fragments share the request's loaders.
 */
export function withIncrementalDelivery(execute: Execute): Execute {
  // Yoga's parse cache hands the same DocumentNode to every request with the same text.
  const incremental = new WeakMap<DocumentNode, boolean>();
  return (args) => {
    let uses = incremental.get(args.document);
    if (uses === undefined) incremental.set(args.document, (uses = usesIncrementalDelivery(args.document)));
    return uses ? (normalizedExecutor(args) as ReturnType<Execute>) : execute(args);
  };
}

export function usesIncrementalDelivery(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (!INCREMENTAL_DIRECTIVES.has(node.name.value)) return;
      found = true;
      return BREAK;
    },
  });
  return found;
}
