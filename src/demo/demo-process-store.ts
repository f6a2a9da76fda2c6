// The demo upstream's one source of truth, in memory (reset on restart): the processes the reads list and serve
// (build-time trees, each with its current run under `run`), the runs, and the timers that move started runs (and
// the live demo run) forward. Seeded from the fixtures (fixtures/processes.ts); the writes change it. One store per demo instance.
import type { UpstreamGroup, UpstreamJob, UpstreamProcess } from '../upstream/process-types';
import type { UpstreamGroupRun, UpstreamJobRun, UpstreamProcessRun, UpstreamRunNodeWrapper } from '../upstream/types';

/** A build-time process as the demo stores and answers it: the upstream's `Process`. */
export type DemoProcess = UpstreamProcess;

export interface DemoProcessStoreOptions {
  /** How often a started run's next job moves on (waiting → running → complete). */
  advanceEveryMs: number;
  clock?: () => Date;
}

const DEMO_USER = 'demo-user';
// Twice the default LIVE_POLL_INTERVAL_MS (5 s): a watcher still polling a replaying run reads its completion first.
const COMPLETED_HOLD_MS = 10_000;

export class DemoProcessStore {
  /** In creation order: what GET /processes lists and GET /processes/{id} answers. */
  readonly processes = new Map<string, DemoProcess>();
  readonly trashed = new Map<string, DemoProcess>();
  readonly runs = new Map<string, UpstreamProcessRun>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly replaying = new Map<
    string,
    { initial: UpstreamProcessRun; moving: boolean; completeSeen: boolean; completedAt: number | null }
  >();
  private sequence = 0;

  constructor(
    fixtures: { processes: Iterable<UpstreamProcess>; runs: Iterable<UpstreamProcessRun> },
    private readonly options: DemoProcessStoreOptions,
  ) {
    for (const run of fixtures.runs) this.runs.set(run.id, structuredClone(run));
    for (const process of fixtures.processes) {
      const copy = structuredClone(process);
      // The embedded run is the stored one, so a run that advances shows in the process reads too.
      const runId = typeof copy.run === 'string' ? copy.run : copy.run?.id;
      const run = runId === undefined ? undefined : this.runs.get(runId);
      if (run) copy.run = run;
      this.processes.set(copy.id, copy);
    }
  }

  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}-demo-${String(this.sequence).padStart(3, '0')}`;
  }

  /** Stores a process, giving every group and job an id so renames can name them. */
  addProcess(body: Record<string, unknown> & { name: string; root: unknown }): DemoProcess {
    const stamp = this.stamp();
    const process: DemoProcess = {
      ...body,
      id: this.nextId('process'),
      root: this.withIds(body.root),
      created: stamp,
      modified: stamp,
      run: null,
    };
    this.processes.set(process.id, process);
    return process;
  }

  /** A new run of `process`: its tree as jobs, the first one running; it then advances on a timer. */
  startRun(process: DemoProcess): UpstreamProcessRun {
    const stamp = this.stamp();
    const run: UpstreamProcessRun = {
      id: this.nextId('processrun'),
      name: process.name,
      process: process.id,
      status: 'running',
      revision: 1,
      dueDate: typeof process.dueDate === 'string' ? process.dueDate : null,
      autoClose: process.autoClose === true,
      certAutoApprove: process.certAutoApprove === true,
      relativeDates: process.relativeDates === true,
      ipmBetaEnabled: false,
      iwmOptOut: false,
      businessDaysOfWeek: Array.isArray(process.businessDaysOfWeek)
        ? (process.businessDaysOfWeek as string[])
        : ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      created: stamp,
      modified: stamp,
      root: this.groupRun(process.root ?? {}, undefined, 0),
    };
    this.advance(run);
    this.runs.set(run.id, run);
    process.run = run;
    process.modified = stamp;
    this.keepAdvancing(run);
    return run;
  }

  /**
   * A run that waits for its first read, then advances like a started run; the read after one that saw it complete
   * starts it over from `initial` (the live demo run: every new watcher sees it move and complete).
   */
  addReplayingRun(initial: UpstreamProcessRun): void {
    this.replaying.set(initial.id, {
      initial: structuredClone(initial),
      moving: false,
      completeSeen: false,
      completedAt: null,
    });
    this.runs.set(initial.id, structuredClone(initial));
  }

  /**
   * What GET /processRuns/{id} answers (a replaying run starts or starts over here). A cycle that completed with
   * nobody reading it (its watchers left) starts over for a reader arriving COMPLETED_HOLD_MS later: a watcher
   * still polling sees the completion within that time.
   */
  readRun(id: string): UpstreamProcessRun | undefined {
    const replay = this.replaying.get(id);
    const unseenCompletionExpired = replay?.completedAt != null && this.now() - replay.completedAt > COMPLETED_HOLD_MS;
    if (replay && (!replay.moving || replay.completeSeen || unseenCompletionExpired)) {
      const run = structuredClone(replay.initial);
      this.runs.set(id, run);
      replay.moving = true;
      replay.completeSeen = false;
      replay.completedAt = null;
      this.keepAdvancing(run);
    }
    const run = this.runs.get(id);
    if (replay && run?.status === 'complete') replay.completeSeen = true;
    return run;
  }

  /** New JobRuns for a run, from the jobRuns request body elements. */
  newJobRun(element: { action: string; arguments?: unknown }): UpstreamJobRun {
    const id = this.nextId('jobrun');
    return {
      id,
      job: `job-template-${id}`,
      ordinal: 0,
      readOnly: false,
      status: 'waiting',
      action: element.action,
      actionStatus: 'Waiting',
      arguments: element.arguments as UpstreamJobRun['arguments'],
    };
  }

  /** Marks the run changed: revision, modified, status counts. */
  touch(run: UpstreamProcessRun): void {
    run.revision += 1;
    run.modified = this.stamp();
    run.statusCounts = statusCounts(run.root);
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
  }

  /** One step every advanceEveryMs until the run is complete. */
  private keepAdvancing(run: UpstreamProcessRun): void {
    const timer = setInterval(() => {
      if (!this.advance(run)) {
        clearInterval(timer);
        this.timers.delete(timer);
      }
    }, this.options.advanceEveryMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** One step: the first unfinished job starts, or finishes and the next starts. False once the run is complete. */
  private advance(run: UpstreamProcessRun): boolean {
    const jobs = jobsOf(run.root);
    const current = jobs.find((job) => job.status !== 'complete');
    if (current?.status === 'running') {
      setJob(current, 'complete', 'Completed');
      const next = jobs.find((job) => job.status === 'waiting');
      if (next) setJob(next, 'running', 'Running');
    } else if (current) {
      setJob(current, 'running', 'Running');
    }
    refreshGroupStatus(run.root);
    const done = jobs.every((job) => job.status === 'complete');
    run.status = done ? 'complete' : 'running';
    const replay = this.replaying.get(run.id);
    if (done && replay) replay.completedAt = this.now();
    this.touch(run);
    return !done;
  }

  private now(): number {
    return (this.options.clock?.() ?? new Date()).getTime();
  }

  private stamp() {
    return {
      dateTime: (this.options.clock?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      user: { id: DEMO_USER },
    };
  }

  private withIds(group: unknown): UpstreamGroup {
    const source = group as Omit<UpstreamGroup, 'id' | 'children'> & { children?: unknown[] };
    return {
      ...source,
      id: this.nextId('group'),
      children: (source.children ?? []).map((child, ordinal) => {
        const node = child as { type: string; job?: UpstreamJob; group?: unknown };
        return node.type === 'group'
          ? { type: 'group', group: { ...this.withIds(node.group), ordinal } }
          : { type: 'job', job: { ...node.job!, id: this.nextId('job'), ordinal } };
      }),
    };
  }

  private groupRun(group: UpstreamGroup, parent: string | undefined, ordinal: number): UpstreamGroupRun {
    const id = this.nextId('grouprun');
    return {
      id,
      name: group.name ?? '',
      parallel: group.parallel === true,
      readOnly: false,
      status: 'waiting',
      ordinal,
      ...(parent && { parent }),
      triggerType: group.triggerType ?? 'whenEligible',
      children: (group.children ?? []).flatMap((child, index): UpstreamRunNodeWrapper[] => {
        if (child.type === 'group' && child.group)
          return [{ type: 'group', groupRun: this.groupRun(child.group, id, index) }];
        if (child.type !== 'job' || !child.job || typeof child.job.action !== 'string') return [];
        const jobRun = this.newJobRun({ action: child.job.action, arguments: child.job.arguments });
        return [{ type: 'job', jobRun: { ...jobRun, job: child.job.id ?? jobRun.job, ordinal: index } }];
      }),
    };
  }
}

export function jobsOf(group: UpstreamGroupRun): UpstreamJobRun[] {
  return [...(group.children ?? [])]
    .sort((a, b) => ordinalOf(a) - ordinalOf(b))
    .flatMap((child) => (child.jobRun ? [child.jobRun] : child.groupRun ? jobsOf(child.groupRun) : []));
}

const ordinalOf = (child: UpstreamRunNodeWrapper): number => child.jobRun?.ordinal ?? child.groupRun?.ordinal ?? 0;

function setJob(job: UpstreamJobRun, status: string, actionStatus: string): void {
  job.status = status;
  job.actionStatus = actionStatus;
}

function refreshGroupStatus(group: UpstreamGroupRun): string {
  const statuses = (group.children ?? []).map((child) =>
    child.groupRun ? refreshGroupStatus(child.groupRun) : (child.jobRun?.status ?? 'waiting'),
  );
  group.status =
    statuses.length > 0 && statuses.every((s) => s === 'complete')
      ? 'complete'
      : statuses.some((s) => s !== 'waiting')
        ? 'running'
        : 'waiting';
  return group.status;
}

function statusCounts(root: UpstreamGroupRun): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const job of jobsOf(root)) counts[job.actionStatus] = (counts[job.actionStatus] ?? 0) + 1;
  return counts;
}
