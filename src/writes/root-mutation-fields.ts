import { getOperationAST, type DocumentNode, type FieldNode } from 'graphql';
import { operationAndFragments, rootFieldNodes } from '../validation/operation-root-fields';

/**
 * The root fields of the mutation `operationName` picks, read from the document alone: through fragment spreads and
 * inline fragments, one per response key (validation merges fields sharing a key and they run once), introspection
 * fields (`__typename`) left out. Fields under @skip/@include are kept: no variables needed. Empty for a query or
 * subscription, or when no operation can be picked.
 */
export function rootMutationFields(document: DocumentNode, operationName: string | null | undefined): FieldNode[] {
  const operation = getOperationAST(document, operationName || undefined);
  if (operation?.operation !== 'mutation') return [];
  const { fragments } = operationAndFragments(document, null);
  const fields = new Map<string, FieldNode>();
  for (const field of rootFieldNodes(operation.selectionSet, fragments)) {
    const key = field.alias?.value ?? field.name.value;
    if (!field.name.value.startsWith('__') && !fields.has(key)) fields.set(key, field);
  }
  return [...fields.values()];
}
