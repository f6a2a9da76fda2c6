import { certificationRun, nestedGroupsRun, seedProcessRun } from '../../src/demo/fixtures';
import type { UpstreamProcessRun, UpstreamRunNodeWrapper } from '../../src/upstream/types';
import {
  EnumDriftDocument,
  JobIdsDocument,
  JobOrderDocument,
  JobVariantsDocument,
  NestedTreeDocument,
  RootChildrenAndJobsDocument,
  RootChildrenDocument,
} from '../generated/graphql';
import { execute, useGateway } from '../harness';

function job(id: string, ordinal: number | undefined, extra: Record<string, unknown> = {}): UpstreamRunNodeWrapper {
  return {
    type: 'job',
    jobRun: {
      id,
      job: `job-${id}`,
      ordinal: ordinal as number,
      readOnly: false,
      status: 'waiting',
      action: 'sendTask',
      actionStatus: 'Waiting',
      ...extra,
    },
  };
}

function runWith(
  id: string,
  children: UpstreamRunNodeWrapper[],
  extra: Partial<UpstreamProcessRun> = {},
): UpstreamProcessRun {
  return { ...seedProcessRun, id, root: { ...seedProcessRun.root, children }, ...extra };
}

describe('processRun – the run tree', () => {
  const t = useGateway();

  it('resolves nested groups as GroupRun members of RunNode, in upstream order', async () => {
    t.upstream.serveRun(nestedGroupsRun);
    const response = await execute(t.gateway, NestedTreeDocument, { id: 'processrun-nested-001' });
    expect(response.body.errors).toBeUndefined();
    // The tree's members are a union; the assertions below read it as plain JSON.
    const root: any = response.body.data!.processRun!.root;
    expect(root.id).toBe('grouprun-annual-root');
    expect(root.children.map((c: { id: string }) => c.id)).toEqual(['grouprun-review', 'grouprun-drafting']);
    const review = root.children[0];
    expect(review).toMatchObject({
      __typename: 'GroupRun',
      name: 'Review',
      parallel: true,
      status: 'RUNNING',
      groupOrdinal: 1,
      parent: 'grouprun-annual-root',
    });
    expect(review.children.map((c: { __typename: string; id: string }) => `${c.__typename}:${c.id}`)).toEqual([
      'JobRun:jobrun-review-legal',
      'JobRun:jobrun-review-finance',
      'GroupRun:grouprun-review-audit',
    ]);
    expect(review.children[2].children.map((c: { id: string }) => c.id)).toEqual([
      'jobrun-audit-fieldwork',
      'jobrun-audit-opinion',
    ]);
  });

  it('jobs walks the tree depth first (pre-order), siblings sorted by ordinal', async () => {
    t.upstream.serveRun(nestedGroupsRun);
    const response = await execute(t.gateway, JobOrderDocument, { id: 'processrun-nested-001' });
    expect(response.body.errors).toBeUndefined();
    // Drafting (ordinal 0) before Review (1); inside Review: finance (0), legal (1), then the audit group (2).
    expect(response.body.data!.processRun!.jobs.map((j) => j.id)).toEqual([
      'jobrun-draft-mdna',
      'jobrun-draft-notes',
      'jobrun-review-finance',
      'jobrun-review-legal',
      'jobrun-audit-fieldwork',
      'jobrun-audit-opinion',
    ]);
  });

  it('jobs keeps upstream order where ordinals tie, and puts missing ordinals last', async () => {
    t.upstream.serveRun(
      runWith('run-ties', [job('c', 1), job('no-ordinal', undefined), job('a', 0), job('b', 1), job('d', 0)]),
    );
    const response = await execute(t.gateway, JobIdsDocument, { id: 'run-ties' });
    expect(response.body.data!.processRun!.jobs.map((j) => j.id)).toEqual(['a', 'd', 'c', 'b', 'no-ordinal']);
  });

  it('a child of an unknown type resolves to UnknownRunNode with the wrapper as sent, and is logged once', async () => {
    const odd = { type: 'milestone', milestoneRun: { id: 'm-1', name: 'Board approval' } };
    t.upstream.serveRun(runWith('run-odd', [job('j-1', 0), odd as UpstreamRunNodeWrapper, job('j-2', 1)]));
    const response = await execute(t.gateway, RootChildrenAndJobsDocument, { id: 'run-odd' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.processRun!.root.children[1]).toEqual({
      __typename: 'UnknownRunNode',
      type: 'milestone',
      raw: odd,
    });
    expect(response.body.data!.processRun!.jobs).toEqual([{ id: 'j-1' }, { id: 'j-2' }]);
    await execute(t.gateway, RootChildrenAndJobsDocument, { id: 'run-odd' });
    const driftLines = t.gateway.logs.entries.filter(
      (e) => e.drift?.kind === 'run-node' && e.drift.value === 'milestone',
    );
    expect(driftLines).toHaveLength(1);
  });

  it('a "group" child without groupRun is kept as UnknownRunNode instead of failing', async () => {
    const broken = { type: 'group', group: { id: 'g-1' } };
    t.upstream.serveRun(runWith('run-broken', [broken as UpstreamRunNodeWrapper]));
    const response = await execute(t.gateway, RootChildrenDocument, { id: 'run-broken' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.processRun!.root.children).toEqual([
      { __typename: 'UnknownRunNode', type: 'group', raw: broken },
    ]);
  });

  it('unknown enum values become UNKNOWN, never an error or a null parent, and are logged once each', async () => {
    const run = runWith(
      'run-drift',
      [job('j-1', 0, { status: 'paused', action: 'launchRocket', actionStatus: 'Exploded' })],
      { status: 'archived', businessDaysOfWeek: ['monday', 'funday'], statusCounts: { Completed: 2, Teleported: 1 } },
    );
    t.upstream.serveRun(run);
    const response = await execute(t.gateway, EnumDriftDocument, { id: 'run-drift' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      processRun: {
        status: 'UNKNOWN',
        businessDaysOfWeek: ['MONDAY', 'UNKNOWN'],
        statusCounts: [
          { status: 'COMPLETED', upstreamStatus: 'Completed', count: 2 },
          { status: 'UNKNOWN', upstreamStatus: 'Teleported', count: 1 },
        ],
        jobs: [{ id: 'j-1', status: 'UNKNOWN', action: 'UNKNOWN', actionStatus: 'UNKNOWN' }],
      },
    });
    await execute(t.gateway, EnumDriftDocument, { id: 'run-drift' });
    const drift = t.gateway.logs.entries
      .filter((e) => e.drift?.kind === 'enum')
      .map((e) => `${e.drift.name}=${e.drift.value}`);
    expect(drift.sort()).toEqual(
      [
        'ActionStatus=Exploded',
        'ActionStatus=Teleported',
        'DayOfWeek=funday',
        'JobAction=launchRocket',
        'RunStatus=archived',
        'RunStatus=paused',
      ].sort(),
    );
  });
});

describe('processRun – job arguments and metadata variants', () => {
  const t = useGateway();

  const VARIANTS = JobVariantsDocument;

  it('resolves every documented variant through the type → key table, users given as objects or plain ids', async () => {
    t.upstream.serveRun(certificationRun);
    const response = await execute(t.gateway, VARIANTS, { id: 'processrun-cert-001' });
    expect(response.body.errors).toBeUndefined();
    const jobs = response.body.data!.processRun!.jobs as Array<Record<string, any>>;
    const summary = jobs.map((j) => ({
      action: j.action,
      arguments: j.arguments.__typename,
      assignee: j.arguments.assignee?.id ?? null,
      approver: j.arguments.approver?.id ?? null,
      metadata: j.metadata?.__typename ?? null,
    }));
    expect(summary).toEqual([
      {
        action: 'CONTENT_REQUEST',
        arguments: 'ContentRequestArguments',
        assignee: 'user-controller',
        approver: 'user-cfo',
        metadata: null,
      },
      {
        action: 'CERTIFICATION',
        arguments: 'CertificationArguments',
        assignee: 'user-ceo',
        approver: null,
        metadata: null,
      },
      {
        action: 'CERTIFICATION_SIGNER_GENERATED',
        arguments: 'CertSignerArguments',
        assignee: 'user-ceo',
        approver: null,
        metadata: 'CertSignerMetadata',
      },
      {
        action: 'CERTIFICATION_APPROVER_GENERATED',
        arguments: 'CertApproverArguments',
        assignee: null,
        approver: 'user-audit-chair',
        metadata: 'CertApproverMetadata',
      },
      {
        action: 'CERTIFICATION_CONDITIONAL_APPROVER_GENERATED',
        arguments: 'CertApproverArguments',
        assignee: null,
        approver: 'user-general-counsel',
        metadata: 'CertConditionalApproverMetadata',
      },
      {
        action: 'CERTIFICATION_PHASE_FINALIZER_GENERATED',
        arguments: 'CertPhaseFinalizerArguments',
        assignee: null,
        approver: null,
        metadata: null,
      },
    ]);
    expect(jobs[2]!.arguments.raw).toEqual({
      assigneeUser: 'user-ceo',
      document: 'doc-sox-302',
      title: 'Sign SOX 302',
    });
    expect(jobs[2]!.metadata).toMatchObject({ status: 'CREATED', task: { id: 'task-jobrun-cert-signer' } });
  });

  it('an unknown variant type, or a known type missing its key, falls back to the Unknown members with raw', async () => {
    const futureArgs = { type: 'esignature', esignatureArgs: { envelope: 'env-1' } };
    const keyless = { type: 'sendTask', wrongKey: { title: 'x' } };
    const futureMeta = { type: 'esignature', esignatureMetadata: { signed: true } };
    t.upstream.serveRun(
      runWith('run-variants', [
        job('j-1', 0, { arguments: futureArgs, metadata: futureMeta }),
        job('j-2', 1, { arguments: keyless }),
      ]),
    );
    const response = await execute(t.gateway, VARIANTS, { id: 'run-variants' });
    expect(response.body.errors).toBeUndefined();
    const [first, second] = response.body.data!.processRun!.jobs;
    expect(first!.arguments).toEqual({ __typename: 'UnknownJobArguments', type: 'esignature', raw: futureArgs });
    expect(first!.metadata).toEqual({ __typename: 'UnknownJobMetadata', type: 'esignature', raw: futureMeta });
    expect(second!.arguments).toEqual({ __typename: 'UnknownJobArguments', type: 'sendTask', raw: keyless });
    expect(second!.metadata).toBeNull();
  });

  it('an assignee that is not a user resolves to UnknownAssignee rather than a wrong User', async () => {
    const group = { id: 'grp-7', type: 'group' };
    t.upstream.serveRun(
      runWith('run-assignee', [
        job('j-1', 0, { arguments: { type: 'sendTask', sendTaskArgs: { assignee: group, title: 't' } } }),
      ]),
    );
    const response = await execute(t.gateway, VARIANTS, { id: 'run-assignee' });
    expect(response.body.errors).toBeUndefined();
    const [only] = response.body.data!.processRun!.jobs;
    expect(only!.arguments?.__typename === 'SendTaskArguments' && only!.arguments.assignee).toEqual({
      __typename: 'UnknownAssignee',
      type: 'group',
      upstreamId: 'grp-7',
    });
  });
});
