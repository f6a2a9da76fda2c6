// The one walk over the upstream's trees (process runs and process definitions): both nest children as
// `{ type, <leaf or group> }` wrappers with an `ordinal`, and both can be deep or malformed.

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How one tree's wrappers read: a child's leaf (collected) or group (descended into), each an object or absent. */
export interface TreeShape<TLeaf, TGroup> {
  leafOf(wrapper: Record<string, unknown>): TLeaf | null;
  groupOf(wrapper: Record<string, unknown>): TGroup | null;
  childrenOf(group: TGroup): readonly unknown[];
}

/** A group's children, or [] when the upstream sends none or something that is not a list. */
export function listOrEmpty(children: unknown): readonly unknown[] {
  return Array.isArray(children) ? children : [];
}

function ordinalOf(child: unknown, shape: TreeShape<object, object>): number {
  if (!isObject(child)) return Number.POSITIVE_INFINITY;
  const node = shape.leafOf(child) ?? shape.groupOf(child);
  const ordinal = (node as { ordinal?: unknown } | null)?.ordinal;
  return typeof ordinal === 'number' ? ordinal : Number.POSITIVE_INFINITY;
}

/** Stable: ties and missing ordinals keep upstream order. */
function byOrdinal(children: readonly unknown[], shape: TreeShape<object, object>): unknown[] {
  return [...children].sort((a, b) => {
    const x = ordinalOf(a, shape);
    const y = ordinalOf(b, shape);
    return x === y ? 0 : x < y ? -1 : 1;
  });
}

/** Every leaf under `root`, depth first (pre-order), siblings in ordinal order. Iterative: trees can be deep. */
export function collectLeaves<TLeaf extends object, TGroup extends object>(
  root: TGroup,
  shape: TreeShape<TLeaf, TGroup>,
): TLeaf[] {
  const leaves: TLeaf[] = [];
  const anyShape = shape as unknown as TreeShape<object, object>;
  const stack: unknown[][] = [byOrdinal(shape.childrenOf(root), anyShape).reverse()];
  while (stack.length > 0) {
    const pending = stack[stack.length - 1]!;
    if (pending.length === 0) {
      stack.pop();
      continue;
    }
    const child = pending.pop();
    if (!isObject(child)) continue;
    const leaf = shape.leafOf(child);
    if (leaf !== null) {
      leaves.push(leaf);
      continue;
    }
    const group = shape.groupOf(child);
    if (group !== null) stack.push(byOrdinal(shape.childrenOf(group), anyShape).reverse());
  }
  return leaves;
}
