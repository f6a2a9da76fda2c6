// Shapes of the Processes API (X-Version 2026-04-01.processes.preview) as sent on the wire.
// These are the codegen mappers: resolvers receive them as parents.
// Optional marks a field the upstream may omit; nothing here is trusted beyond what validateProcessRun checks.

/** A user reference: upstream sends `{ id, type: "user" }` objects in some places and plain ids in others. */
export type UpstreamPrincipalRef = { id?: string; type?: string; [key: string]: unknown } | string;

export interface UpstreamAuditStamp {
  dateTime: string;
  user: UpstreamPrincipalRef;
}

export interface UpstreamProcessRun {
  id: string;
  name: string;
  status: string;
  revision: number;
  process: string;
  dueDate?: string | null;
  autoClose: boolean;
  certAutoApprove: boolean;
  relativeDates: boolean;
  ipmBetaEnabled: boolean;
  iwmOptOut: boolean;
  businessDaysOfWeek: string[];
  created: UpstreamAuditStamp;
  modified: UpstreamAuditStamp;
  root: UpstreamGroupRun;
  statusCounts?: Record<string, number>;
}

export interface UpstreamGroupRun {
  id: string;
  name?: string | null;
  parallel: boolean;
  readOnly: boolean;
  status: string;
  children?: UpstreamRunNodeWrapper[];
  active?: boolean;
  childrenEligibleToStartCount?: number;
  eligibleToStart?: boolean;
  created?: UpstreamAuditStamp;
  modified?: UpstreamAuditStamp;
  ordinal?: number;
  parent?: string;
  revision?: number;
  statusCounts?: Record<string, number>;
  triggerType?: string;
}

export interface UpstreamJobRun {
  id: string;
  job: string;
  ordinal: number;
  readOnly: boolean;
  status: string;
  action: string;
  actionStatus: string;
  arguments?: UpstreamVariant | null;
  metadata?: UpstreamVariant | null;
}

/** A child of a group: `{ type: "job", jobRun }`, `{ type: "group", groupRun }`, or something newer. */
export interface UpstreamRunNodeWrapper {
  type: string;
  jobRun?: UpstreamJobRun;
  groupRun?: UpstreamGroupRun;
  [key: string]: unknown;
}

/** `arguments` / `metadata`: `{ type, <key fixed per type>: {...} }`. */
export interface UpstreamVariant {
  type: string;
  [key: string]: unknown;
}

/** The inner object of a task-like `arguments` variant (e.g. the value of `sendTaskArgs`). */
export interface UpstreamTaskArgs {
  assignee?: UpstreamPrincipalRef;
  assigneeUser?: string;
  approver?: UpstreamPrincipalRef;
  approverUser?: string;
  document?: string;
  title?: string;
  [key: string]: unknown;
}

/** The inner object of a task-like `metadata` variant (e.g. the value of `sendTaskMetadata`). */
export interface UpstreamTaskMetadata {
  cancelCleanupComplete?: boolean;
  permalink?: string;
  status?: string;
  task?: string;
  taskCancelled?: boolean;
  taskCancelledNotificationSent?: boolean;
  [key: string]: unknown;
}

/** The error body the upstream sends with every 4xx/5xx. Defined with the failure it travels in (src/errors/upstream-failure.ts): errors/ is a leaf. */
export type { UpstreamErrorBody } from '../errors/upstream-failure';
