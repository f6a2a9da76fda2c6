import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
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
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const values: number[] = [];
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          visit(fragment.selectionSet);
        }
      } else if (selection.name.value === 'processes') {
        const argument = selection.arguments?.find((arg) => arg.name.value === 'first');
        const value = argument?.value;
        if (value?.kind === Kind.INT) values.push(Number(value.value));
        if (value?.kind === Kind.VARIABLE && typeof variables?.[value.name.value] === 'number')
          values.push(variables[value.name.value] as number);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'query')
      visit(definition.selectionSet);
  }
  return values;
}
