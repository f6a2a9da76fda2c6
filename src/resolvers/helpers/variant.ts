import type { DriftKind, UpstreamDriftReporter } from '../../upstream/upstream-drift';
import type { UpstreamVariant } from '../../upstream/types';

/** One row per known upstream `type`: the key holding its object, and the GraphQL type it becomes. */
export type VariantTable<Typename extends string> = Readonly<Record<string, { key: string; typename: Typename }>>;

export type VariantResult<Typename extends string, UnknownTypename extends string> =
  | { __typename: Typename; value: Record<string, unknown> }
  | { __typename: UnknownTypename; type: string; raw: unknown };

/**
 * `{ type, <key>: {...} }` → a typed member, through the table only (keys are not derivable from type names).
 * An unknown type, or a known type without its key, becomes the Unknown member with the whole object in `raw`.
 */
export function resolveVariant<Typename extends string, UnknownTypename extends string>(
  variant: UpstreamVariant | null | undefined,
  table: VariantTable<Typename>,
  unknownTypename: UnknownTypename,
  drift: UpstreamDriftReporter,
  driftKind: DriftKind,
): VariantResult<Typename, UnknownTypename> | null {
  if (variant === null || variant === undefined) return null;
  const type = typeof variant.type === 'string' ? variant.type : String(variant.type);
  const row = Object.hasOwn(table, type) ? table[type] : undefined;
  const value = row ? variant[row.key] : undefined;
  if (row && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { __typename: row.typename, value: value as Record<string, unknown> };
  }
  drift.report(driftKind, unknownTypename, type);
  return { __typename: unknownTypename, type, raw: variant };
}
