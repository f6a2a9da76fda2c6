// Request bodies of the Processes API writes, as sent on the wire (processes-api.md: create and jobRuns examples).

/** A user reference as written: the object form (the upstream reads both, its jobRuns example writes this). */
export interface UpstreamUserRef {
  id: string;
  type: 'user';
}

/** `arguments` of a job to create: `{ type, <type>Args: {...} }`. */
export interface UpstreamJobArgumentsCreate {
  type: 'sendTask' | 'contentRequest' | 'certification';
  [argsKey: string]: unknown;
}

/** One element of the POST /processRuns/{id}/jobRuns body (an array). */
export interface UpstreamJobRunCreate {
  action: string;
  triggerType: 'whenEligible';
  arguments: UpstreamJobArgumentsCreate;
}

export interface UpstreamProcessJobCreate {
  action: string;
  triggerType: 'whenEligible';
  arguments: UpstreamJobArgumentsCreate;
  name?: string;
}

export interface UpstreamProcessGroupCreate {
  name: string;
  parallel: boolean;
  readOnly: false;
  triggerType: 'whenEligible';
  children: UpstreamProcessNodeCreate[];
}

/** `{ type: "job", job }` is in the create example; `{ type: "group", group }` is guessed by symmetry. */
export type UpstreamProcessNodeCreate =
  { type: 'job'; job: UpstreamProcessJobCreate } | { type: 'group'; group: UpstreamProcessGroupCreate };

/** The POST /processes body. */
export interface UpstreamProcessCreate {
  name: string;
  dueDate?: string;
  businessStartDate?: string;
  businessDaysOfWeek?: string[];
  autoClose?: boolean;
  certAutoApprove?: boolean;
  relativeDates?: boolean;
  root: UpstreamProcessGroupCreate;
}

/** One item of the batchUpdates body `{ data: [...] }`, in the documented nested form. */
export type UpstreamBatchUpdateItem =
  | { type: 'jobName'; jobNameUpdate: { id: string; newName: string } }
  | { type: 'groupName'; groupNameUpdate: { id: string; newName: string } };
