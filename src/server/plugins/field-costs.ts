import { Kind, type ConstDirectiveNode, type GraphQLField, type GraphQLSchema } from 'graphql';

/** What the SDL says a field costs: federation demand-control `@cost` and `@listSize`, read in one place. */
export interface FieldCost {
  /** Whether the field carries `@cost` (a field that may call the upstream must, even with weight 0). */
  declared: boolean;
  /** `@cost(weight:)`: upstream calls one resolution of the field makes at most; 0 without the directive. */
  weight: number;
  listSize: ListSize | null;
}

export interface ListSize {
  /** `@listSize(assumedSize:)`: items assumed when no slicing argument says otherwise. */
  assumedSize: number | null;
  /** `@listSize(slicingArguments:)`: arguments whose value is the number of items. */
  slicingArguments: string[];
  /** `@listSize(sizedFields:)`: the child fields that hold the items (a connection's `edges`/`nodes`); empty: the field itself. */
  sizedFields: string[];
}

const NONE: FieldCost = { declared: false, weight: 0, listSize: null };
const cache = new WeakMap<GraphQLField<unknown, unknown>, FieldCost>();

/** The field's declared cost; a field without `@cost` or `@listSize` costs no upstream call and sizes nothing. */
export function fieldCost(field: GraphQLField<unknown, unknown>): FieldCost {
  let cost = cache.get(field);
  if (!cost) {
    cost = readFieldCost(field.astNode?.directives ?? []);
    cache.set(field, cost);
  }
  return cost;
}

/**
 * Every field of the schema that may call the upstream: a root field, or one that returns a resolvable entity (an
 * entity may be fetched by id). Each must declare `@cost`; one that reads its entity from its parent says weight 0.
 */
export function upstreamBackedFields(
  schema: GraphQLSchema,
): Array<{ coordinate: string; field: GraphQLField<unknown, unknown> }> {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const entities = new Set(
    Object.values(schema.getTypeMap())
      .filter(
        (type) =>
          'astNode' in type && type.astNode?.directives?.some((d) => d.name.value === 'key' && !isNotResolvable(d)),
      )
      .map((type) => type.name),
  );
  const found: Array<{ coordinate: string; field: GraphQLField<unknown, unknown> }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || !('isTypeOf' in type)) continue;
    const isRoot = roots.includes(type as never);
    for (const field of Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>) {
      // Federation's own entry points: `_service` is the SDL, `_entities` is priced per representation by the budget.
      if (field.name.startsWith('_')) continue;
      if (isRoot || entities.has(namedTypeName(field))) found.push({ coordinate: `${type.name}.${field.name}`, field });
    }
  }
  return found;
}

function readFieldCost(directives: readonly ConstDirectiveNode[]): FieldCost {
  if (directives.length === 0) return NONE;
  const cost = directives.find((d) => d.name.value === 'cost');
  const list = directives.find((d) => d.name.value === 'listSize');
  if (!cost && !list) return NONE;
  return {
    declared: cost !== undefined,
    weight: cost ? Number(intArgument(cost, 'weight') ?? 0) : 0,
    listSize: list
      ? {
          assumedSize: intArgument(list, 'assumedSize'),
          slicingArguments: stringsArgument(list, 'slicingArguments'),
          sizedFields: stringsArgument(list, 'sizedFields'),
        }
      : null,
  };
}

function intArgument(directive: ConstDirectiveNode, name: string): number | null {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : null;
}

function stringsArgument(directive: ConstDirectiveNode, name: string): string[] {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  if (value?.kind === Kind.STRING) return [value.value];
  if (value?.kind !== Kind.LIST) return [];
  return value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []));
}

function isNotResolvable(key: ConstDirectiveNode): boolean {
  const resolvable = key.arguments?.find((arg) => arg.name.value === 'resolvable')?.value;
  return resolvable?.kind === Kind.BOOLEAN && !resolvable.value;
}

function namedTypeName(field: GraphQLField<unknown, unknown>): string {
  let type: { ofType?: unknown; name?: string } = field.type as never;
  while (type.ofType) type = type.ofType as never;
  return type.name ?? '';
}
