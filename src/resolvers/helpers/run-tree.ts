import type { ResolversUnionTypes, ResolversTypes } from '../../generated/resolvers-types';
import type { UpstreamDriftReporter } from '../../upstream/upstream-drift';
import type { UpstreamGroupRun, UpstreamJobRun, UpstreamRunNodeWrapper } from '../../upstream/types';
import { UPSTREAM_GUESSES } from '../../upstream/upstream-guesses';
import { collectLeaves, isObject, listOrEmpty, type TreeShape } from './tree-walk';
import { unionMembers } from './union-members';

export type RunNodeParent = ResolversUnionTypes<ResolversTypes>['RunNode'];

export const runNodes = unionMembers<RunNodeParent['__typename']>('RunNode');

const RUN_TREE: TreeShape<UpstreamJobRun, UpstreamGroupRun> = {
  leafOf: ({ type, jobRun }: Partial<UpstreamRunNodeWrapper>) => (type === 'job' && isObject(jobRun) ? jobRun : null),
  groupOf: (wrapper) => {
    const { type, key } = UPSTREAM_GUESSES.runGroupChild;
    return wrapper.type === type && isObject(wrapper[key]) ? (wrapper[key] as unknown as UpstreamGroupRun) : null;
  },
  childrenOf: (group) => listOrEmpty(group.children),
};

/**
 * A child wrapper → the union member. The group form is unconfirmed upstream, so anything unexpected is kept as
 * UnknownRunNode. Members are tagged, not copied: an upstream object carrying its own `__typename` key does not pick
 * the GraphQL type either.
 */
export function toRunNode(child: unknown, drift: UpstreamDriftReporter): RunNodeParent {
  const wrapper = (isObject(child) ? child : {}) as Partial<UpstreamRunNodeWrapper>;
  const job = RUN_TREE.leafOf(wrapper);
  if (job) return runNodes.tag(job, 'JobRun');
  const group = RUN_TREE.groupOf(wrapper);
  if (group) return runNodes.tag(group, 'GroupRun');
  const type = typeof wrapper.type === 'string' ? wrapper.type : String(wrapper.type);
  drift.report('run-node', 'RunNode', type);
  return runNodes.tag({ type, raw: child as UpstreamRunNodeWrapper }, 'UnknownRunNode');
}

/** Every JobRun under `root`, depth first (pre-order), siblings in ordinal order. */
export function collectJobs(root: UpstreamGroupRun): UpstreamJobRun[] {
  return collectLeaves(root, RUN_TREE);
}
