import type { ResolversUnionTypes, ResolversTypes } from '../generated/resolvers-types';
import type { UpstreamDriftReporter } from '../upstream/upstream-drift';
import type { UpstreamGroupRun, UpstreamJobRun, UpstreamRunNodeWrapper } from '../upstream/types';

export type RunNodeParent = ResolversUnionTypes<ResolversTypes>['RunNode'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * A child wrapper → the union member. The group form is unconfirmed upstream, so anything unexpected is kept as
 * UnknownRunNode. __typename last: an upstream object carrying its own `__typename` key must not pick the GraphQL type.
 */
export function toRunNode(child: UpstreamRunNodeWrapper, drift: UpstreamDriftReporter): RunNodeParent {
  if (child.type === 'job' && isObject(child.jobRun)) return { ...child.jobRun, __typename: 'JobRun' };
  if (child.type === 'group' && isObject(child.groupRun)) return { ...child.groupRun, __typename: 'GroupRun' };
  const type = typeof child.type === 'string' ? child.type : String(child.type);
  drift.report('run-node', 'RunNode', type);
  return { __typename: 'UnknownRunNode', type, raw: child };
}

/** Children sorted by ordinal; the sort is stable, so ties and missing ordinals keep upstream order. */
function byOrdinal(children: readonly UpstreamRunNodeWrapper[]): UpstreamRunNodeWrapper[] {
  const ordinalOf = (child: UpstreamRunNodeWrapper): number => {
    const ordinal = (child.jobRun ?? child.groupRun)?.ordinal;
    return typeof ordinal === 'number' ? ordinal : Number.POSITIVE_INFINITY;
  };
  return [...children].sort((a, b) => {
    const x = ordinalOf(a);
    const y = ordinalOf(b);
    return x === y ? 0 : x < y ? -1 : 1;
  });
}

/** Every JobRun under `root`, depth first (pre-order), siblings in ordinal order. Iterative: trees can be deep. */
export function collectJobs(root: UpstreamGroupRun): UpstreamJobRun[] {
  const jobs: UpstreamJobRun[] = [];
  const stack: UpstreamRunNodeWrapper[][] = [byOrdinal(root.children ?? []).reverse()];
  while (stack.length > 0) {
    const pending = stack[stack.length - 1]!;
    const child = pending.pop();
    if (child === undefined) {
      stack.pop();
      continue;
    }
    if (child.type === 'job' && isObject(child.jobRun)) jobs.push(child.jobRun);
    else if (child.type === 'group' && isObject(child.groupRun)) {
      stack.push(byOrdinal(child.groupRun.children ?? []).reverse());
    }
  }
  return jobs;
}
