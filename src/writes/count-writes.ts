import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The upstream writes a mutation operation asks for, read from the document alone: one per mutation field, each
 * alias counting (every Mutation field is one upstream call; fields sharing a response key run once). Fields under @skip/@include count too: an upper bound
 * that needs no variables. 0 for a query or subscription, or when the operation cannot be picked.
 */
export function countWrites(document: DocumentNode, operationName: string | null | undefined): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  let operations = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      operations++;
      if (operationName ? definition.name?.value === operationName : true) operation ??= definition;
    }
  }
  if (!operation || operation.operation !== 'mutation' || (!operationName && operations > 1)) return 0;
  // Fields with one response key are merged by validation and run once: the distinct keys are the writes.
  const keys = new Set<string>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') keys.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !visited.has(fragment.name.value)) {
          visited.add(fragment.name.value);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(operation.selectionSet);
  return keys.size;
}
