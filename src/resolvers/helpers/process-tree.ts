import type { ResolversTypes, ResolversUnionTypes } from '../../generated/resolvers-types';
import type { UpstreamDriftReporter } from '../../upstream/upstream-drift';
import type { UpstreamGroup, UpstreamJob, UpstreamProcessNodeWrapper } from '../../upstream/process-types';
import { UPSTREAM_GUESSES } from '../../upstream/upstream-guesses';
import { collectLeaves, isObject, listOrEmpty, type TreeShape } from './tree-walk';
import { unionMembers } from './union-members';

export type ProcessNodeParent = ResolversUnionTypes<ResolversTypes>['ProcessNode'];

export const processNodes = unionMembers<ProcessNodeParent['__typename']>('ProcessNode');

/** A group's children, or [] when the upstream sends none or something that is not a list. */
export function childrenOf(group: UpstreamGroup): readonly unknown[] {
  return listOrEmpty(group.children);
}

const PROCESS_TREE: TreeShape<UpstreamJob, UpstreamGroup> = {
  leafOf: (wrapper) => childOf<UpstreamJob>(wrapper, UPSTREAM_GUESSES.processJobChild),
  groupOf: (wrapper) => childOf<UpstreamGroup>(wrapper, UPSTREAM_GUESSES.processGroupChild),
  childrenOf,
};

/** The object under `form.key` when the wrapper's `type` is `form.type`, else null. */
function childOf<T>(wrapper: Record<string, unknown>, form: { type: string; key: string }): T | null {
  const value = wrapper.type === form.type ? wrapper[form.key] : undefined;
  return isObject(value) ? (value as T) : null;
}

/**
 * A child wrapper → the union member. `{ type: "job", job }` is documented by example; `{ type: "group", group }`
 * is a guess, so anything else is kept whole as UnknownProcessNode (and logged as drift), never an error.
 */
export function toProcessNode(child: unknown, drift: UpstreamDriftReporter): ProcessNodeParent {
  const wrapper = (isObject(child) ? child : {}) as Partial<UpstreamProcessNodeWrapper>;
  // Tagged, not copied: an upstream object carrying its own `__typename` key does not pick the GraphQL type either.
  const job = PROCESS_TREE.leafOf(wrapper);
  if (job) return processNodes.tag(job, 'ProcessJob');
  const group = PROCESS_TREE.groupOf(wrapper);
  if (group) return processNodes.tag(group, 'ProcessGroup');
  const type = typeof wrapper.type === 'string' ? wrapper.type : String(wrapper.type);
  drift.report('process-node', 'ProcessNode', type);
  return processNodes.tag({ type, raw: child }, 'UnknownProcessNode');
}

/** Every Job under `root`, depth first (pre-order), siblings in ordinal order (the same rule as ProcessRun.jobs). */
export function collectProcessJobs(root: UpstreamGroup | null): UpstreamJob[] {
  return root ? collectLeaves(root, PROCESS_TREE) : [];
}
