import type { UpstreamGroupRun, UpstreamProcessRun, UpstreamRunNodeWrapper } from '../upstream/types';

// What the upstream does for `excludeGeneratedJobs=true`: drop the jobs it generated for certifications from the
// tree. statusCounts stay those of the whole run, as the schema describes (ProcessRun.statusCounts).
const isGenerated = (child: UpstreamRunNodeWrapper): boolean =>
  child.type === 'job' && typeof child.jobRun?.action === 'string' && child.jobRun.action.endsWith('Generated');

function withoutGenerated(group: UpstreamGroupRun): UpstreamGroupRun {
  return {
    ...group,
    children: (group.children ?? [])
      .filter((child) => !isGenerated(child))
      .map((child) =>
        child.type === 'group' && child.groupRun ? { ...child, groupRun: withoutGenerated(child.groupRun) } : child,
      ),
  };
}

export function excludeGeneratedJobs(run: UpstreamProcessRun): UpstreamProcessRun {
  return { ...run, root: withoutGenerated(run.root) };
}
