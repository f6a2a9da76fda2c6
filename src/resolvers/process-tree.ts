import type { ResolversTypes, ResolversUnionTypes } from '../generated/resolvers-types';
import type { UpstreamDriftReporter } from '../upstream/upstream-drift';
import type { UpstreamGroup, UpstreamJob, UpstreamProcessNodeWrapper } from '../upstream/process-types';

export type ProcessNodeParent = ResolversUnionTypes<ResolversTypes>['ProcessNode'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A group's children, or [] when the upstream sends none or something that is not a list. */
export function childrenOf(group: UpstreamGroup): unknown[] {
  return Array.isArray(group.children) ? group.children : [];
}

/**
 * A child wrapper → the union member. `{ type: "job", job }` is documented by example; `{ type: "group", group }`
 * is a guess, so anything else is kept whole as UnknownProcessNode (and logged as drift), never an error.
 */
export function toProcessNode(child: unknown, drift: UpstreamDriftReporter): ProcessNodeParent {
  const wrapper = (isObject(child) ? child : {}) as Partial<UpstreamProcessNodeWrapper>;
  // __typename last: an upstream object carrying its own `__typename` key must not pick the GraphQL type.
  if (wrapper.type === 'job' && isObject(wrapper.job)) return { ...wrapper.job, __typename: 'Job' };
  if (wrapper.type === 'group' && isObject(wrapper.group)) return { ...wrapper.group, __typename: 'Group' };
  const type = typeof wrapper.type === 'string' ? wrapper.type : String(wrapper.type);
  drift.report('process-node', 'ProcessNode', type);
  return { __typename: 'UnknownProcessNode', type, raw: child };
}

function ordinalOf(child: unknown): number {
  const wrapper = (isObject(child) ? child : {}) as Partial<UpstreamProcessNodeWrapper>;
  const ordinal = (wrapper.job ?? wrapper.group)?.ordinal;
  return typeof ordinal === 'number' ? ordinal : Number.POSITIVE_INFINITY;
}

/** Stable: ties and missing ordinals keep upstream order (the same rule as ProcessRun.jobs). */
function byOrdinal(children: readonly unknown[]): unknown[] {
  return [...children].sort((a, b) => {
    const x = ordinalOf(a);
    const y = ordinalOf(b);
    return x === y ? 0 : x < y ? -1 : 1;
  });
}

/** Every Job under `root`, depth first (pre-order), siblings in ordinal order. Iterative: trees can be deep. */
export function collectProcessJobs(root: UpstreamGroup | null): UpstreamJob[] {
  if (!root) return [];
  const jobs: UpstreamJob[] = [];
  const stack: unknown[][] = [byOrdinal(childrenOf(root)).reverse()];
  while (stack.length > 0) {
    const pending = stack[stack.length - 1]!;
    if (pending.length === 0) {
      stack.pop();
      continue;
    }
    const child = pending.pop() as Partial<UpstreamProcessNodeWrapper>;
    if (!isObject(child)) continue;
    if (child.type === 'job' && isObject(child.job)) jobs.push(child.job);
    else if (child.type === 'group' && isObject(child.group)) stack.push(byOrdinal(childrenOf(child.group)).reverse());
  }
  return jobs;
}
