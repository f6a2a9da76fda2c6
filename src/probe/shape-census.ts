import pino from 'pino';
import { toActionStatus, toDayOfWeek, toJobAction, toRunStatus } from '../resolvers/helpers/enums';
import { toJobArguments } from '../resolvers/job-arguments';
import { toJobMetadata } from '../resolvers/job-metadata';
import { toProcessNode } from '../resolvers/helpers/process-tree';
import { toAssignee } from '../resolvers/helpers/entity-refs';
import { toRunNode } from '../resolvers/helpers/run-tree';
import { UpstreamDriftReporter } from '../upstream/upstream-drift';
import { UPSTREAM_GUESSES } from '../upstream/upstream-guesses';
import type { UpstreamVariant } from '../upstream/types';
import { embeddedRunOf, isObject } from './probe-walk';
import { KNOWN_KEYS, type ShapeKind } from './known-keys';

/** Counts by a label made only of keys, types and enum spellings: nothing here may hold a tenant value. */
export type Tally = Map<string, number>;

export interface TreeChildren {
  jobForm: number;
  groupForm: number;
  /** Children of neither form, by `type` and keys; `groupLike`/`jobLike`: the wrapped object has children/an action. */
  other: Array<{ label: string; groupLike: boolean; jobLike: boolean }>;
}

/**
 * One pass over every body the probe read: unknown keys per shape, the drift the gateway's own converters report
 * (the same calls its resolvers make, so the counts are what gateway_upstream_drift_total would count), and the
 * facts the guess checks need.
 */
export class ShapeCensus {
  readonly unknownKeys: Tally = new Map();
  readonly drift: Tally = new Map();
  readonly userRefs = { objects: 0, plainIds: new Map<string, number>() };
  readonly processChildren: TreeChildren = { jobForm: 0, groupForm: 0, other: [] };
  readonly runChildren: TreeChildren = { jobForm: 0, groupForm: 0, other: [] };
  readonly processStamps = { ok: 0, bad: new Map<string, number>() };
  private readonly reporter = new UpstreamDriftReporter(pino({ level: 'silent' }));

  constructor() {
    this.reporter.onSighting((kind, name, value) => count(this.drift, `${kind}\u0000${name}\u0000${spelling(value)}`));
  }

  page(body: Record<string, unknown>): void {
    this.keys('ProcessPage', body);
  }

  process(body: unknown): void {
    if (!isObject(body)) return;
    this.keys('Process', body);
    for (const field of ['created', 'modified'] as const) {
      const stamp = body[field];
      if (stamp === undefined || stamp === null) continue;
      if (isObject(stamp) && typeof stamp.dateTime === 'string' && stamp.user !== undefined) this.processStamps.ok += 1;
      else
        count(
          this.processStamps.bad,
          `Process.${field} is ${isObject(stamp) ? `an object with keys ${keyList(stamp)}` : typeOf(stamp)}`,
        );
      this.stamp(`Process.${field}`, stamp);
    }
    if (Array.isArray(body.businessDaysOfWeek))
      for (const day of body.businessDaysOfWeek) toDayOfWeek(day, this.reporter);
    if (isObject(body.root)) this.group(body.root);
    const run = embeddedRunOf(body);
    if (run === null) return;
    if (typeof run === 'string') return;
    if (isObject(run) && typeof run.id === 'string') this.run(run);
    else this.reporter.report('embedded-run', 'Process.run', Array.isArray(run) ? 'array' : typeof run);
  }

  run(body: unknown): void {
    if (!isObject(body)) return;
    this.keys('ProcessRun', body);
    toRunStatus(body.status, this.reporter);
    if (Array.isArray(body.businessDaysOfWeek))
      for (const day of body.businessDaysOfWeek) toDayOfWeek(day, this.reporter);
    this.stamp('ProcessRun.created', body.created);
    this.stamp('ProcessRun.modified', body.modified);
    if (isObject(body.root)) this.groupRun(body.root);
  }

  private group(group: Record<string, unknown>): void {
    this.keys('Group', group);
    for (const child of Array.isArray(group.children) ? group.children : []) {
      if (!isObject(child)) continue;
      this.keys('ProcessNode', child);
      toProcessNode(child, this.reporter);
      const { processJobChild: job, processGroupChild: grp } = UPSTREAM_GUESSES;
      if (child.type === job.type && isObject(child[job.key])) {
        this.processChildren.jobForm += 1;
        this.job(child[job.key] as Record<string, unknown>);
      } else if (child.type === grp.type && isObject(child[grp.key])) {
        this.processChildren.groupForm += 1;
        this.group(child[grp.key] as Record<string, unknown>);
      } else this.processChildren.other.push(otherChild(child));
    }
  }

  private job(job: Record<string, unknown>): void {
    this.keys('Job', job);
    if (job.action !== undefined && job.action !== null) toJobAction(job.action, this.reporter);
    this.argumentsOf(isObject(job.arguments) ? job.arguments : null);
  }

  private groupRun(group: Record<string, unknown>): void {
    this.keys('GroupRun', group);
    toRunStatus(group.status, this.reporter);
    this.stamp('GroupRun.created', group.created);
    this.stamp('GroupRun.modified', group.modified);
    for (const child of Array.isArray(group.children) ? group.children : []) {
      if (!isObject(child)) continue;
      this.keys('RunNode', child);
      toRunNode(child, this.reporter);
      const grp = UPSTREAM_GUESSES.runGroupChild;
      if (child.type === 'job' && isObject(child.jobRun)) {
        this.runChildren.jobForm += 1;
        this.jobRun(child.jobRun);
      } else if (child.type === grp.type && isObject(child[grp.key])) {
        this.runChildren.groupForm += 1;
        this.groupRun(child[grp.key] as Record<string, unknown>);
      } else this.runChildren.other.push(otherChild(child));
    }
  }

  private jobRun(jobRun: Record<string, unknown>): void {
    this.keys('JobRun', jobRun);
    toRunStatus(jobRun.status, this.reporter);
    toJobAction(jobRun.action, this.reporter);
    toActionStatus(jobRun.actionStatus, this.reporter);
    this.argumentsOf(isObject(jobRun.arguments) ? jobRun.arguments : null);
    toJobMetadata(isObject(jobRun.metadata) ? (jobRun.metadata as UpstreamVariant) : null, this.reporter);
  }

  private argumentsOf(args: Record<string, unknown> | null): void {
    const resolved = toJobArguments(args as UpstreamVariant | null, this.reporter);
    if (!resolved || !('value' in resolved)) return;
    for (const [field, fallback] of [
      ['assignee', 'assigneeUser'],
      ['approver', 'approverUser'],
    ] as const) {
      const ref = resolved.value[field] ?? resolved.value[fallback];
      if (ref === undefined || ref === null) continue;
      toAssignee(ref, this.reporter);
      this.userRef(`${resolved.__typename}.${field}`, ref);
    }
  }

  private stamp(at: string, stamp: unknown): void {
    if (!isObject(stamp)) return;
    this.keys('AuditStamp', stamp);
    if (stamp.user !== undefined && stamp.user !== null) this.userRef(`${at}.user`, stamp.user);
  }

  private userRef(at: string, ref: unknown): void {
    if (typeof ref === 'string') count(this.userRefs.plainIds, at);
    else if (isObject(ref)) {
      this.keys('UserRef', ref);
      this.userRefs.objects += 1;
    }
  }

  private keys(kind: ShapeKind, body: Record<string, unknown>): void {
    const known = KNOWN_KEYS[kind];
    for (const key of Object.keys(body))
      if (!known.has(key)) count(this.unknownKeys, `${kind}\u0000${keyName(key)}\u0000${typeOf(body[key])}`);
  }
}

function otherChild(child: Record<string, unknown>): TreeChildren['other'][number] {
  const wrapped = Object.entries(child).filter(([key, value]) => key !== 'type' && isObject(value));
  return {
    label: `type ${JSON.stringify(spelling(child.type))} with key${wrapped.length === 1 ? '' : 's'} ${keyList(Object.fromEntries(wrapped)) || '(none)'}`,
    groupLike: wrapped.some(([, value]) => Array.isArray((value as Record<string, unknown>).children)),
    jobLike: wrapped.some(([, value]) => typeof (value as Record<string, unknown>).action === 'string'),
  };
}

export function count(tally: Map<string, number>, label: string): void {
  tally.set(label, (tally.get(label) ?? 0) + 1);
}

export function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** A key is printed only when it looks like one: anything else could be data used as a key. */
export function keyName(key: string): string {
  return /^[A-Za-z_@$][\w@$.-]{0,63}$/.test(key) ? key : '<unprintable key>';
}

/** An enum or discriminator value is printed only when it looks like a spelling, not like free text. */
export function spelling(value: unknown): string {
  if (typeof value !== 'string') return `<${typeOf(value)}>`;
  return /^[A-Za-z][A-Za-z0-9_.-]{0,47}$/.test(value) ? value : '<not an identifier>';
}

function keyList(object: Record<string, unknown>): string {
  return Object.keys(object).map(keyName).sort().join(', ');
}
