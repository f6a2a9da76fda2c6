import {
  getNamedType,
  isNonNullType,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { mapUpstreamFailure } from '../../errors/map-upstream-failure';
import { operationAndFragments, rootFieldNodes } from '../../validation/operation-root-fields';
import { fieldCost } from './field-costs';

type Variables = Record<string, unknown> | null | undefined;
type Field = GraphQLField<unknown, unknown>;

/**
 * Refuses, before execution, an operation whose root fields would need more upstream calls than the budget. What a
 * field costs is its `@cost(weight)` in the SDL (field-costs.ts), nothing kept here. Root fields with the same
 * arguments count once, as the per-request loaders dedupe them, and an `_entities` representation counts as the
 * Query field that fetches its type by `id`. Links below the root (`ProcessRun.process`, `Process.run`) depend on
 * the data and are capped by the runtime counter in the context, which caps everything.
 */
export function useUpstreamCallBudget(budget: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const needed = countUpstreamCalls(args.schema, args.document, args.operationName, args.variableValues);
      if (needed > budget) {
        setResultAndStopExecution({ errors: [mapUpstreamFailure({ kind: 'budget-exceeded', budget })] });
      }
    },
  };
}

/** Distinct upstream calls the operation's root fields ask for; a call whose arguments are not known counts as distinct. */
export function countUpstreamCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): number {
  const { operation, fragments } = operationAndFragments(document, operationName);
  // Subscriptions poll for as long as they are open: the live feature has its own limits.
  if (!operation || operation.operation === 'subscription') return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const rootFields = root.getFields() as Record<string, Field>;
  const deduped = operation.operation === 'query';
  const keyed = new Map<string, number>();
  let calls = 0;
  const count = (field: Field, values: Record<string, unknown> | null) => {
    const { weight } = fieldCost(field);
    if (weight === 0) return;
    if (!deduped || values === null) calls += weight;
    else
      keyed.set(`${field.name} ${JSON.stringify(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)))}`, weight);
  };
  for (const selection of rootFieldNodes(operation.selectionSet, fragments)) {
    if (selection.name.value === '_entities') {
      for (const { field, values } of representationCalls(
        selection,
        root.getFields()._entities as Field | undefined,
        rootFields,
        variables,
      ))
        count(field, values);
    } else {
      const field = rootFields[selection.name.value];
      if (field) count(field, argumentValues(field, selection, variables));
    }
  }
  return calls + [...keyed.values()].reduce((sum, weight) => sum + weight, 0);
}

/** Each `_entities` representation as the Query field that fetches its type by `id` alone (its other arguments defaulted). */
function representationCalls(
  node: FieldNode,
  entities: Field | undefined,
  rootFields: Record<string, Field>,
  variables: Variables,
): Array<{ field: Field; values: Record<string, unknown> | null }> {
  const argument = node.arguments?.find((arg) => arg.name.value === 'representations');
  const type = entities?.args.find((arg) => arg.name === 'representations')?.type;
  const representations = argument && type ? valueFromAST(argument.value, type, variables ?? undefined) : undefined;
  const calls: Array<{ field: Field; values: Record<string, unknown> | null }> = [];
  for (const representation of Array.isArray(representations) ? representations : []) {
    const { __typename, id } = (representation ?? {}) as { __typename?: unknown; id?: unknown };
    const field = Object.values(rootFields).find((candidate) => fetchesByIdAlone(candidate, __typename));
    if (field) calls.push({ field, values: typeof id === 'string' ? withDefaults(field, { id }) : null });
  }
  return calls;
}

function fetchesByIdAlone(field: Field, typename: unknown): boolean {
  if (getNamedType(field.type).name !== typename) return false;
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  return required.length === 1 && required[0]?.name === 'id';
}

/** The field's arguments as the resolver gets them (defaults applied), or null when one is not statically known. */
function argumentValues(field: Field, node: FieldNode, variables: Variables): Record<string, unknown> | null {
  const values: Record<string, unknown> = {};
  for (const definition of field.args) {
    const argument = node.arguments?.find((arg) => arg.name.value === definition.name);
    if (!argument) {
      if (definition.defaultValue !== undefined) values[definition.name] = definition.defaultValue;
      continue;
    }
    const value = valueFromAST(argument.value, definition.type, variables ?? undefined);
    if (value === undefined) return null;
    values[definition.name] = value;
  }
  return values;
}

function withDefaults(field: Field, given: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...given };
  for (const definition of field.args)
    if (!(definition.name in values) && definition.defaultValue !== undefined)
      values[definition.name] = definition.defaultValue;
  return values;
}
