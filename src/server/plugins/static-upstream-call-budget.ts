import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { mapUpstreamFailure } from '../../errors/map-upstream-failure';
import { processCacheKey } from '../../loaders/process-loader';
import { processRunCacheKey } from '../../loaders/process-run-loader';

type Variables = Record<string, unknown> | null | undefined;

/**
 * Refuses, before execution, an operation whose root fields would need more upstream calls than the budget:
 * one per distinct `processRun(id, excludeGeneratedJobs)` (aliases included) and one per distinct ProcessRun
 * representation in `_entities`, the same for `process` and Process representations, and one per `processes`
 * page. Distinct, because the per-request loaders dedupe the rest. Links below the root (`ProcessRun.process`,
 * `Process.run`) depend on the data and are capped by the runtime counter in the context, which caps everything.
 */
export function useUpstreamCallBudget(budget: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const needed = countUpstreamCalls(args.document, args.operationName, args.variableValues);
      if (needed > budget) {
        setResultAndStopExecution({ errors: [mapUpstreamFailure({ kind: 'budget-exceeded', budget })] });
      }
    },
  };
}

/** Distinct upstream calls the operation's root fields ask for; unknown ids count as distinct. */
export function countUpstreamCalls(document: DocumentNode, operationName: string | null | undefined, variables: Variables): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName)) {
      operation ??= definition;
    }
  }
  if (!operation || operation.operation !== 'query') return 0;
  const keys = new Set<string>();
  let unknown = 0;
  const add = (id: unknown, excludeGeneratedJobs: unknown) => {
    if (typeof id === 'string') keys.add(processRunCacheKey({ id, excludeGeneratedJobs: excludeGeneratedJobs === true }));
    else unknown++;
  };
  const processKeys = new Set<string>();
  let pages = 0;
  const addProcess = (id: unknown, excludeGeneratedJobs: unknown) => {
    if (typeof id === 'string') processKeys.add(processCacheKey({ id, excludeGeneratedJobs: excludeGeneratedJobs === true }));
    else unknown++;
  };
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !visited.has(fragment.name.value)) {
          visited.add(fragment.name.value);
          walk(fragment.selectionSet);
        }
      } else if (selection.name.value === 'processRun') {
        const argument = (name: string) => selection.arguments?.find((arg) => arg.name.value === name)?.value;
        add(valueOf(argument('id'), variables), valueOf(argument('excludeGeneratedJobs'), variables));
      } else if (selection.name.value === 'process') {
        const argument = (name: string) => selection.arguments?.find((arg) => arg.name.value === name)?.value;
        addProcess(valueOf(argument('id'), variables), valueOf(argument('excludeGeneratedJobs'), variables));
      } else if (selection.name.value === 'processes') {
        pages++;
      } else if (selection.name.value === '_entities') {
        const representations = valueOf(selection.arguments?.find((arg) => arg.name.value === 'representations')?.value, variables);
        for (const representation of Array.isArray(representations) ? representations : []) {
          const { __typename, id } = (representation ?? {}) as { __typename?: unknown; id?: unknown };
          if (__typename === 'ProcessRun') add(id, false);
          if (__typename === 'Process') addProcess(id, false);
        }
      }
    }
  };
  walk(operation.selectionSet);
  return keys.size + processKeys.size + pages + unknown;
}

/** A literal or variable argument as a plain value; anything not statically known → undefined. */
function valueOf(node: ValueNode | undefined, variables: Variables): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    case Kind.STRING:
    case Kind.INT:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.LIST:
      return node.values.map((value) => valueOf(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, valueOf(field.value, variables)]));
    default:
      return undefined;
  }
}
