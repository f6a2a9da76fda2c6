import { Kind, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { operationAndFragments, rootFieldNodes } from '../../validation/operation-root-fields';
import { checkPageSize } from '../../validation/process-list-arguments';

/**
 * `processes(first:)` outside 1..1000 is refused while the document is validated, ahead of the operation limits:
 * a caller asking for 5000 rows is told the range, not that the operation costs too much. The resolver checks again.
 */
export function usePageSizeBeforeLimits(): Plugin {
  return {
    onValidate({ params, context }) {
      const variables =
        (context as { params?: { variables?: Record<string, unknown> | null } }).params?.variables ?? null;
      for (const first of rootProcessesFirstValues(params.documentAST, variables)) checkPageSize(first);
    },
  };
}

/** Every numeric `first` of a root `processes` field (literal or variable), fragments on the root included. */
function rootProcessesFirstValues(document: DocumentNode, variables: Record<string, unknown> | null): number[] {
  const { fragments } = operationAndFragments(document, null);
  const values: number[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'query') continue;
    for (const field of rootFieldNodes(definition.selectionSet, fragments)) {
      if (field.name.value !== 'processes') continue;
      const value = field.arguments?.find((arg) => arg.name.value === 'first')?.value;
      if (value?.kind === Kind.INT) values.push(Number(value.value));
      if (value?.kind === Kind.VARIABLE && typeof variables?.[value.name.value] === 'number')
        values.push(variables[value.name.value] as number);
    }
  }
  return values;
}
