// Shapes of the Processes API's build-time Process (X-Version 2026-04-01.processes.preview) as sent on the wire.
// Only `id` and `name` are checked (process-shape.ts); every other field is read when present. Marks as in
// docs/processes.md: the group child `{ type: "group", group }` and the list item's `run` key are guesses.
import type { UpstreamAuditStamp, UpstreamProcessRun, UpstreamVariant } from './types';

export interface UpstreamProcess {
  id: string;
  name: string;
  dueDate?: string | null;
  businessStartDate?: string | null;
  businessDaysOfWeek?: unknown;
  autoClose?: boolean | null;
  certAutoApprove?: boolean | null;
  relativeDates?: boolean | null;
  created?: UpstreamAuditStamp | null;
  modified?: UpstreamAuditStamp | null;
  root?: UpstreamGroup | null;
  /** The current run, as a list item carries it [guess: key `run`]: a whole run, a partial one, or an id. */
  run?: UpstreamEmbeddedRun | null;
  [key: string]: unknown;
}

/** What may sit under a process's `run` key: a whole ProcessRun, part of one (at least its id), or a plain id. */
export type UpstreamEmbeddedRun = UpstreamProcessRun | ({ id: string } & Partial<UpstreamProcessRun>) | string;

/** A build-time group (`ProcessGroup`): a GroupRun without run state. */
export interface UpstreamGroup {
  id?: string | null;
  name?: string | null;
  parallel?: boolean | null;
  readOnly?: boolean | null;
  triggerType?: string | null;
  ordinal?: number | null;
  parent?: string | null;
  children?: UpstreamProcessNodeWrapper[] | null;
  [key: string]: unknown;
}

/** A build-time job: what a JobRun is made from. */
export interface UpstreamJob {
  id?: string | null;
  name?: string | null;
  action?: string | null;
  triggerType?: string | null;
  ordinal?: number | null;
  readOnly?: boolean | null;
  arguments?: UpstreamVariant | null;
  [key: string]: unknown;
}

/** A child of a group: `{ type: "job", job }` [example], `{ type: "group", group }` [guess], or something newer. */
export interface UpstreamProcessNodeWrapper {
  type: string;
  job?: UpstreamJob;
  group?: UpstreamGroup;
  [key: string]: unknown;
}

/** One page of `GET /processes`, parsed: the items and the `$next` token of `@nextLink` (null: last page). */
export interface UpstreamProcessPage {
  items: UpstreamProcess[];
  nextToken: string | null;
}
