import {
  Kind,
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { operationAndFragments } from '../../validation/operation-root-fields';
import { fieldCost } from './field-costs';

type Variables = Record<string, unknown> | null | undefined;

/** A selection's price, linear in the number of items of the list it sits in: `fields + items × calls`. */
interface Price {
  /** Fields selected (objects 2, scalars 1), every fragment spread in full, lists not multiplied. */
  fields: number;
  /** Upstream calls (`@cost` weights), multiplied by the sizes of the lists they sit in. */
  calls: number;
}

export interface OperationCost extends Price {
  total: number;
}

/**
 * The cost of an operation, from the schema's `@cost` and `@listSize` (docs/limits.md#cost): each selected field
 * costs 2 (object) or 1 (scalar) once, whatever list it is in — a list's items come from one upstream answer,
 * bounded in bytes — and each `@cost(weight)` field adds its weight times the items of every list around it.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): OperationCost {
  // The same document comes back from the parse cache on every request: its price is remembered per operation and
  // variables (short ones only), so a repeated operation is not walked again.
  const key = `${operationName ?? ''}\0${JSON.stringify(variables ?? null)}`;
  if (key.length > MAX_REMEMBERED_KEY_LENGTH) return priceOperation(schema, document, operationName, variables);
  let bySchema = remembered.get(schema);
  if (!bySchema) remembered.set(schema, (bySchema = new WeakMap()));
  let prices = bySchema.get(document);
  if (!prices) bySchema.set(document, (prices = new Map()));
  let cost = prices.get(key);
  if (!cost) {
    cost = priceOperation(schema, document, operationName, variables);
    if (prices.size >= MAX_REMEMBERED_PER_DOCUMENT) prices.clear();
    prices.set(key, cost);
  }
  return cost;
}

const MAX_REMEMBERED_KEY_LENGTH = 1024;
const MAX_REMEMBERED_PER_DOCUMENT = 64;
const remembered = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, OperationCost>>>();

function priceOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): OperationCost {
  const { operation, fragments } = operationAndFragments(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { fields: 0, calls: 0, total: 0 };
  // A fragment's price depends only on the list sizes handed to it: computed once per sizes, counted at every spread.
  const fragmentPrices = new Map<string, Price>();

  const priceOf = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    sized: ReadonlyMap<string, number>,
  ): Price => {
    const price: Price = { fields: 0, calls: 0 };
    const add = (part: Price) => {
      price.fields += part.fields;
      price.calls += part.calls;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(priceOfField(selection, parent, sized));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) add(priceOf(selection.selectionSet, type, sized));
      } else {
        const name = selection.name.value;
        // The sized children of the spread's parent (a connection's `nodes`) price the fragment too.
        const key = sized.size === 0 ? name : `${name} ${JSON.stringify([...sized])}`;
        let known = fragmentPrices.get(key);
        if (!known) {
          const fragment = fragments.get(name);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          // Marked first: a cycle (refused by validation anyway) then costs nothing instead of recursing.
          fragmentPrices.set(key, { fields: 0, calls: 0 });
          known =
            fragment && type && isCompositeType(type)
              ? priceOf(fragment.selectionSet, type, sized)
              : { fields: 0, calls: 0 };
          fragmentPrices.set(key, known);
        }
        add(known);
      }
    }
    return price;
  };

  const priceOfField = (node: FieldNode, parent: GraphQLCompositeType, sized: ReadonlyMap<string, number>): Price => {
    const name = node.name.value;
    if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return { fields: 0, calls: 0 };
    const field = parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
    if (!field) return { fields: 0, calls: 0 };
    const { weight, listSize } = fieldCost(field);
    const type = getNamedType(field.type);
    const own: Price = { fields: node.selectionSet ? 2 : 1, calls: weight };
    if (!node.selectionSet || !isCompositeType(type)) return own;
    // Items of this field: a parent's slicing argument (sizedFields), else its own @listSize.
    const size =
      listSize && listSize.sizedFields.length === 0
        ? sizeOf(node, field, listSize.slicingArguments, listSize.assumedSize, variables)
        : 1;
    const children =
      listSize && listSize.sizedFields.length > 0
        ? new Map(
            listSize.sizedFields.map((child) => [
              child,
              sizeOf(node, field, listSize.slicingArguments, listSize.assumedSize, variables),
            ]),
          )
        : new Map<string, number>();
    const inner = priceOf(node.selectionSet, type, children);
    const items = (sized.get(name) ?? 1) * size;
    return { fields: own.fields + inner.fields, calls: own.calls + items * inner.calls };
  };

  const price = priceOf(operation.selectionSet, root, new Map());
  return { ...price, total: price.fields + price.calls };
}

/** The list's item count: the first slicing argument given (or defaulted), else the assumed size, else 1. */
function sizeOf(
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  slicingArguments: string[],
  assumedSize: number | null,
  variables: Variables,
): number {
  for (const name of slicingArguments) {
    const definition = field.args.find((arg) => arg.name === name);
    const argument = node.arguments?.find((arg) => arg.name.value === name);
    if (!definition) continue;
    const value = argument
      ? valueFromAST(argument.value, definition.type, variables ?? undefined)
      : definition.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return assumedSize ?? 1;
}
