import type { DocumentNode } from 'graphql';
import { rootMutationFields } from './root-mutation-fields';

/**
 * The upstream writes a mutation operation asks for, read from the document alone: one per mutation field, each
 * alias counting (every Mutation field is one upstream call; fields sharing a response key run once). Fields under @skip/@include count too: an upper bound
 * that needs no variables. 0 for a query or subscription, or when the operation cannot be picked.
 */
export function countWrites(document: DocumentNode, operationName: string | null | undefined): number {
  return rootMutationFields(document, operationName).length;
}
