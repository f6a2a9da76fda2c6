/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date as the upstream sends it: `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** An instant as the upstream sends it: ISO 8601 / RFC 3339, e.g. `2024-10-30T15:03:27Z`. */
  DateTime: { input: string; output: string; }
  /** Any JSON value, passed through exactly as the upstream sent it. */
  JSON: { input: unknown; output: unknown; }
};

/** Progress of a job's action. Upstream sends capitalised words (`Completed`). */
export type ActionStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'RUNNING'
  /** A value the upstream sent that this schema does not know yet (it is logged). */
  | 'UNKNOWN'
  | 'WAITING';

/** Who a task is assigned to or approved by: a user, or a kind of principal this gateway does not know yet. */
export type Assignee = UnknownAssignee | User;

/** When and by whom something was done. */
export type AuditStamp = {
  __typename?: 'AuditStamp';
  /** When it happened (upstream `dateTime`). */
  dateTime: Scalars['DateTime']['output'];
  /** Who did it (upstream `user`, an object or a plain id). */
  user: User;
};

/** Arguments of a generated (conditional) certification approver job (upstream `certApproverArgs`). */
export type CertApproverArguments = TaskJobArguments & {
  __typename?: 'CertApproverArguments';
  /** Who approves (upstream `approver` object or plain-id `approverUser`). */
  approver?: Maybe<Assignee>;
  /** Who the task goes to (upstream `assignee` object or plain-id `assigneeUser`). */
  assignee?: Maybe<Assignee>;
  /** The document the task is about (upstream `document`, a plain id). */
  document?: Maybe<Document>;
  /** The `certApproverArgs` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Title of the task the job creates (upstream `title`). */
  title?: Maybe<Scalars['String']['output']>;
};

/** What a generated certification approver job has produced (upstream `certApproverMetadata`). */
export type CertApproverMetadata = TaskJobMetadata & {
  __typename?: 'CertApproverMetadata';
  /** Whether clean-up after a cancelled task has finished (upstream `cancelCleanupComplete`). */
  cancelCleanupComplete?: Maybe<Scalars['Boolean']['output']>;
  /** Link to the task in the Workiva app (upstream `permalink`). */
  permalink?: Maybe<Scalars['String']['output']>;
  /** The `certApproverMetadata` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Status of the Workiva task (upstream `status`, capitalised: `Created` → `CREATED`). */
  status?: Maybe<ProcessTaskStatus>;
  /** The Workiva task the job created (upstream `task`, a plain id). */
  task?: Maybe<Task>;
  /** Whether the task was cancelled (upstream `taskCancelled`). */
  taskCancelled?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the assignee was told of the cancellation (upstream `taskCancelledNotificationSent`). */
  taskCancelledNotificationSent?: Maybe<Scalars['Boolean']['output']>;
};

/** What a generated conditional certification approver job has produced (upstream `certConditionalApproverMetadata`). */
export type CertConditionalApproverMetadata = TaskJobMetadata & {
  __typename?: 'CertConditionalApproverMetadata';
  /** Whether clean-up after a cancelled task has finished (upstream `cancelCleanupComplete`). */
  cancelCleanupComplete?: Maybe<Scalars['Boolean']['output']>;
  /** Link to the task in the Workiva app (upstream `permalink`). */
  permalink?: Maybe<Scalars['String']['output']>;
  /** The `certConditionalApproverMetadata` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Status of the Workiva task (upstream `status`, capitalised: `Created` → `CREATED`). */
  status?: Maybe<ProcessTaskStatus>;
  /** The Workiva task the job created (upstream `task`, a plain id). */
  task?: Maybe<Task>;
  /** Whether the task was cancelled (upstream `taskCancelled`). */
  taskCancelled?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the assignee was told of the cancellation (upstream `taskCancelledNotificationSent`). */
  taskCancelledNotificationSent?: Maybe<Scalars['Boolean']['output']>;
};

/** Arguments of a generated certification phase finalizer job (upstream `certPhaseFinalizerArgs`). */
export type CertPhaseFinalizerArguments = TaskJobArguments & {
  __typename?: 'CertPhaseFinalizerArguments';
  /** Who the task goes to (upstream `assignee` object or plain-id `assigneeUser`). */
  assignee?: Maybe<Assignee>;
  /** The document the task is about (upstream `document`, a plain id). */
  document?: Maybe<Document>;
  /** The `certPhaseFinalizerArgs` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Title of the task the job creates (upstream `title`). */
  title?: Maybe<Scalars['String']['output']>;
};

/** Arguments of a generated certification signer job (upstream `certSignerArgs`). */
export type CertSignerArguments = TaskJobArguments & {
  __typename?: 'CertSignerArguments';
  /** Who the task goes to (upstream `assignee` object or plain-id `assigneeUser`). */
  assignee?: Maybe<Assignee>;
  /** The document the task is about (upstream `document`, a plain id). */
  document?: Maybe<Document>;
  /** The `certSignerArgs` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Title of the task the job creates (upstream `title`). */
  title?: Maybe<Scalars['String']['output']>;
};

/** What a generated certification signer job has produced (upstream `certSignerMetadata`). */
export type CertSignerMetadata = TaskJobMetadata & {
  __typename?: 'CertSignerMetadata';
  /** Whether clean-up after a cancelled task has finished (upstream `cancelCleanupComplete`). */
  cancelCleanupComplete?: Maybe<Scalars['Boolean']['output']>;
  /** Link to the task in the Workiva app (upstream `permalink`). */
  permalink?: Maybe<Scalars['String']['output']>;
  /** The `certSignerMetadata` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Status of the Workiva task (upstream `status`, capitalised: `Created` → `CREATED`). */
  status?: Maybe<ProcessTaskStatus>;
  /** The Workiva task the job created (upstream `task`, a plain id). */
  task?: Maybe<Task>;
  /** Whether the task was cancelled (upstream `taskCancelled`). */
  taskCancelled?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the assignee was told of the cancellation (upstream `taskCancelledNotificationSent`). */
  taskCancelledNotificationSent?: Maybe<Scalars['Boolean']['output']>;
};

/** Arguments of a `certification` job (upstream `certificationArgs`). */
export type CertificationArguments = TaskJobArguments & {
  __typename?: 'CertificationArguments';
  /** Who the task goes to (upstream `assignee` object or plain-id `assigneeUser`). */
  assignee?: Maybe<Assignee>;
  /** The document the task is about (upstream `document`, a plain id). */
  document?: Maybe<Document>;
  /** The `certificationArgs` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Title of the task the job creates (upstream `title`). */
  title?: Maybe<Scalars['String']['output']>;
};

/** A certification of a document (upstream `certificationArgs`; its fields are not publicly documented, these are the common task fields). */
export type CertificationArgumentsInput = {
  /** The user who certifies. */
  assignee: Scalars['ID']['input'];
  /** The document certified, if any. */
  document?: InputMaybe<Scalars['ID']['input']>;
  /** When the certification is due (`YYYY-MM-DD`). */
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  /** Instructions for the certifier (at most 10000 characters; line breaks and tabs allowed). */
  instructions?: InputMaybe<Scalars['String']['input']>;
  /** Title of the certification (1 to 256 characters, no control characters). */
  title: Scalars['String']['input'];
};

/** What a `certification` job has produced (upstream `certificationMetadata`). */
export type CertificationMetadata = TaskJobMetadata & {
  __typename?: 'CertificationMetadata';
  /** Whether clean-up after a cancelled task has finished (upstream `cancelCleanupComplete`). */
  cancelCleanupComplete?: Maybe<Scalars['Boolean']['output']>;
  /** Link to the task in the Workiva app (upstream `permalink`). */
  permalink?: Maybe<Scalars['String']['output']>;
  /** The `certificationMetadata` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Status of the Workiva task (upstream `status`, capitalised: `Created` → `CREATED`). */
  status?: Maybe<ProcessTaskStatus>;
  /** The Workiva task the job created (upstream `task`, a plain id). */
  task?: Maybe<Task>;
  /** Whether the task was cancelled (upstream `taskCancelled`). */
  taskCancelled?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the assignee was told of the cancellation (upstream `taskCancelledNotificationSent`). */
  taskCancelledNotificationSent?: Maybe<Scalars['Boolean']['output']>;
};

/** Arguments of a `contentRequest` job (upstream `contentRequestArgs`). */
export type ContentRequestArguments = TaskJobArguments & {
  __typename?: 'ContentRequestArguments';
  /** Who approves the content (upstream `approver` object or plain-id `approverUser`). */
  approver?: Maybe<Assignee>;
  /** Who the task goes to (upstream `assignee` object or plain-id `assigneeUser`). */
  assignee?: Maybe<Assignee>;
  /** The document the task is about (upstream `document`, a plain id). */
  document?: Maybe<Document>;
  /** The `contentRequestArgs` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Title of the task the job creates (upstream `title`). */
  title?: Maybe<Scalars['String']['output']>;
};

/** A request for content in a document (upstream `contentRequestArgs`). */
export type ContentRequestArgumentsInput = {
  /** The user who approves the content, if any. */
  approver?: InputMaybe<Scalars['ID']['input']>;
  /** The user asked for the content. */
  assignee: Scalars['ID']['input'];
  /** The document the content goes into. */
  document: Scalars['ID']['input'];
  /** When the content is due (`YYYY-MM-DD`). */
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  /** Instructions for the assignee (at most 10000 characters; line breaks and tabs allowed). */
  instructions?: InputMaybe<Scalars['String']['input']>;
  /** The section of the document, if any. */
  section?: InputMaybe<Scalars['ID']['input']>;
  /** Title of the request (1 to 256 characters, no control characters). */
  title: Scalars['String']['input'];
};

/** What a `contentRequest` job has produced (upstream `contentRequestMetadata`). */
export type ContentRequestMetadata = TaskJobMetadata & {
  __typename?: 'ContentRequestMetadata';
  /** Whether clean-up after a cancelled task has finished (upstream `cancelCleanupComplete`). */
  cancelCleanupComplete?: Maybe<Scalars['Boolean']['output']>;
  /** Link to the task in the Workiva app (upstream `permalink`). */
  permalink?: Maybe<Scalars['String']['output']>;
  /** The `contentRequestMetadata` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Status of the Workiva task (upstream `status`, capitalised: `Created` → `CREATED`). */
  status?: Maybe<ProcessTaskStatus>;
  /** The Workiva task the job created (upstream `task`, a plain id). */
  task?: Maybe<Task>;
  /** Whether the task was cancelled (upstream `taskCancelled`). */
  taskCancelled?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the assignee was told of the cancellation (upstream `taskCancelledNotificationSent`). */
  taskCancelledNotificationSent?: Maybe<Scalars['Boolean']['output']>;
};

/** A new process: its settings and its tree of groups and jobs (at most 10 group levels and 1000 nodes). */
export type CreateProcessInput = {
  /** Whether a run closes itself once every job is complete. */
  autoClose?: InputMaybe<Scalars['Boolean']['input']>;
  /** The days that count as business days; `UNKNOWN` is refused. */
  businessDaysOfWeek?: InputMaybe<Array<DayOfWeek>>;
  /** First business day for due-date arithmetic (`YYYY-MM-DD`). */
  businessStartDate?: InputMaybe<Scalars['Date']['input']>;
  /** Whether certification steps are approved automatically. */
  certAutoApprove?: InputMaybe<Scalars['Boolean']['input']>;
  /** When the process is due (`YYYY-MM-DD`). */
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  /** The process's name (1 to 256 characters, no control characters). */
  name: Scalars['String']['input'];
  /** Whether due dates are relative to the run's start. */
  relativeDates?: InputMaybe<Scalars['Boolean']['input']>;
  /** The top-level group. */
  root: ProcessGroupInput;
};

/** A day of the week (upstream lower case, `monday`). */
export type DayOfWeek =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  /** A value the upstream sent that this schema does not know yet (it is logged). */
  | 'UNKNOWN'
  | 'WEDNESDAY';

/** A Workiva document. Owned by another subgraph; this one only knows its id. */
export type Document = {
  __typename?: 'Document';
  /** The document's id (the upstream sends documents as plain id strings). */
  id: Scalars['ID']['output'];
};

/** A group of jobs and groups, run in sequence or in parallel (upstream child `{ type: "group", groupRun }`). */
export type GroupRun = {
  __typename?: 'GroupRun';
  /** Whether the group is running now (upstream `active`); null when not sent. */
  active?: Maybe<Scalars['Boolean']['output']>;
  /** The group's children in upstream order. Use `ordinal` to sort; `ProcessRun.jobs` is already sorted. */
  children: Array<RunNode>;
  /** How many children may start now (upstream `childrenEligibleToStartCount`); null when not sent. */
  childrenEligibleToStartCount?: Maybe<Scalars['Int']['output']>;
  /** When and by whom the group was created (upstream `created`); null when not sent. */
  created?: Maybe<AuditStamp>;
  /** Whether the group may start now (upstream `eligibleToStart`); null when not sent. */
  eligibleToStart?: Maybe<Scalars['Boolean']['output']>;
  /** The GroupRun's identifier (upstream `id`). */
  id: Scalars['ID']['output'];
  /** When and by whom the group was last changed (upstream `modified`); null when not sent. */
  modified?: Maybe<AuditStamp>;
  /** The group's display name; null when the upstream sends none. */
  name?: Maybe<Scalars['String']['output']>;
  /** Position among its siblings. */
  ordinal?: Maybe<Scalars['Int']['output']>;
  /** Whether the children run at the same time (true) or one after another (false). */
  parallel: Scalars['Boolean']['output'];
  /** Id of the parent group (upstream `parent`); null for the root. */
  parent?: Maybe<Scalars['ID']['output']>;
  /** Whether the group can no longer be edited (upstream `readOnly`). */
  readOnly: Scalars['Boolean']['output'];
  /** Revision counter of the group (upstream `revision`); null when not sent. */
  revision?: Maybe<Scalars['Int']['output']>;
  /** Status of the group (upstream `status`, lower case: `running` → `RUNNING`). */
  status: RunStatus;
  /** Job counts per action status within this group, when the upstream sends them; like `ProcessRun.statusCounts`, they include jobs left out by `excludeGeneratedJobs: true`. */
  statusCounts?: Maybe<Array<StatusCount>>;
  /** What starts this group (upstream `triggerType`, passed through as sent). */
  triggerType?: Maybe<Scalars['String']['output']>;
};

/** What a job does. Upstream sends camelCase (`certificationApproverGenerated`). */
export type JobAction =
  | 'CERTIFICATION'
  /** A certification approver step generated by the upstream (left out with `excludeGeneratedJobs`). */
  | 'CERTIFICATION_APPROVER_GENERATED'
  /** A conditional certification approver step generated by the upstream (left out with `excludeGeneratedJobs`). */
  | 'CERTIFICATION_CONDITIONAL_APPROVER_GENERATED'
  /** The step that finalizes a certification phase, generated by the upstream (left out with `excludeGeneratedJobs`). */
  | 'CERTIFICATION_PHASE_FINALIZER_GENERATED'
  /** A certification signer step generated by the upstream (left out with `excludeGeneratedJobs`). */
  | 'CERTIFICATION_SIGNER_GENERATED'
  | 'CONTENT_REQUEST'
  | 'SEND_TASK'
  /** A value the upstream sent that this schema does not know yet (it is logged). */
  | 'UNKNOWN';

/**
 * A job's inputs. The upstream sends `{ type, <key>: {...} }` where the key is fixed per type
 * (`sendTask` → `sendTaskArgs`, `certificationApproverGenerated` → `certApproverArgs`, ...).
 */
export type JobArguments = CertApproverArguments | CertPhaseFinalizerArguments | CertSignerArguments | CertificationArguments | ContentRequestArguments | SendTaskArguments | UnknownJobArguments;

/**
 * The arguments of one job: exactly one field, the one matching the job's `action` (checked by this gateway:
 * `@oneOf` is not yet accepted by the federation subgraph library, apollographql/federation#3437).
 */
export type JobArgumentsInput = {
  /** Arguments of a `CERTIFICATION` job (upstream `certificationArgs`). */
  certification?: InputMaybe<CertificationArgumentsInput>;
  /** Arguments of a `CONTENT_REQUEST` job (upstream `contentRequestArgs`). */
  contentRequest?: InputMaybe<ContentRequestArgumentsInput>;
  /** Arguments of a `SEND_TASK` job (upstream `sendTaskArgs`). */
  sendTask?: InputMaybe<SendTaskArgumentsInput>;
};

/**
 * What a job has produced so far. The upstream sends `{ type, <key>: {...} }` with a key fixed per type
 * (`sendTask` → `sendTaskMetadata`, `certificationSignerGenerated` → `certSignerMetadata`, ...).
 */
export type JobMetadata = CertApproverMetadata | CertConditionalApproverMetadata | CertSignerMetadata | CertificationMetadata | ContentRequestMetadata | SendTaskMetadata | UnknownJobMetadata;

/** One job of a run: a task, content request or certification step (upstream child `{ type: "job", jobRun }`). */
export type JobRun = {
  __typename?: 'JobRun';
  /** What the job does (upstream `action`, e.g. `sendTask` → `SEND_TASK`). */
  action: JobAction;
  /** Progress of the job's action (upstream `actionStatus`, e.g. `Completed` → `COMPLETED`). */
  actionStatus: ActionStatus;
  /** The job's inputs, a type per action (upstream `arguments`, keyed by its `type`); null when the upstream sends none. */
  arguments?: Maybe<JobArguments>;
  /** The JobRun's identifier (upstream `id`). */
  id: Scalars['ID']['output'];
  /** The id of the job template this run was made from (upstream `job`). */
  job: Scalars['ID']['output'];
  /** What the job has produced so far, a type per action (upstream `metadata`); null when the upstream sends none. */
  metadata?: Maybe<JobMetadata>;
  /** Position among its siblings. */
  ordinal: Scalars['Int']['output'];
  /** Whether the job can no longer be edited (upstream `readOnly`; generated certification jobs are read-only). */
  readOnly: Scalars['Boolean']['output'];
  /** Status of the job within the run (upstream `status`, lower case: `complete` → `COMPLETE`). */
  status: RunStatus;
};

/** One job to add to a run: its action and that action's arguments. */
export type JobRunInput = {
  /** What the job does. Only `SEND_TASK`, `CONTENT_REQUEST` and `CERTIFICATION` can be created; the generated certification steps and `UNKNOWN` are refused. */
  action: JobAction;
  /** The arguments of exactly `action`: the one field set must match it (`SEND_TASK` → `sendTask`). */
  arguments: JobArgumentsInput;
};

/** Where `addJobRuns` inserts: under `parentGroupId`, next to `relativeSiblingId`. All null: at the end of the run. */
export type JobRunPlacement = {
  /** Insert before the sibling (true, the upstream's default) or after it (false). Only with `relativeSiblingId`. */
  before?: InputMaybe<Scalars['Boolean']['input']>;
  /** The group to insert into (upstream query `parentGroupId`). */
  parentGroupId?: InputMaybe<Scalars['ID']['input']>;
  /** The sibling to insert next to (upstream query `relativeSiblingId`). */
  relativeSiblingId?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * Writes to the Processes API. None is ever sent twice by this gateway: a POST or DELETE is retried only when the
 * failure proves it never reached the upstream (connection refused, DNS failure, the breaker open, the local rate
 * budget) or the upstream refused it with 429. When the outcome cannot be known (a timeout, a reset after sending,
 * a 500/502/503/504) the error carries `extensions.outcome: "UNKNOWN"`: look before trying again. Every error of a
 * mutation field carries `extensions.outcome`: `APPLIED`, `UNKNOWN` or `NOT_APPLIED`.
 * Every input is checked before any upstream call; a refusal is `BAD_USER_INPUT` with `extensions.field` naming
 * the input path (e.g. `jobs.0.arguments.sendTask.title`).
 * Every field is nullable: a failing field is null with its error at its path, and the other fields keep their data
 * (a run another field started is never lost). Fields run one after another; after a field that found the upstream
 * unavailable (`UPSTREAM_UNAVAILABLE`, `UPSTREAM_UNREACHABLE`, `UPSTREAM_TIMEOUT`) the later ones are not sent
 * (`UPSTREAM_UNAVAILABLE`, `outcome: "NOT_APPLIED"`). Send an `Idempotency-Key` header to retry a mutation safely.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds 1 to 500 jobs to a running process (`POST /processRuns/{processRunId}/jobRuns`). Answers the created jobs. */
  addJobRuns?: Maybe<Array<JobRun>>;
  /** Creates a process, not started (`POST /processes`). Tree bounds: at most 10 group levels and 1000 nodes. */
  createProcess?: Maybe<Process>;
  /** Renames jobs and groups of a process in one call (`POST /processes/{processId}/batchUpdates`), 1 to 3000 renames. */
  renameProcessItems?: Maybe<Process>;
  /** Starts a new run of a process (`POST /processes/{processId}/run`, 201). The run is the same type the reads answer. */
  runProcess?: Maybe<ProcessRun>;
  /** Moves a process to trash (`DELETE /processes/{processId}`, 204); it can be restored in Workiva. Answers the id. */
  trashProcess?: Maybe<Scalars['ID']['output']>;
};


/**
 * Writes to the Processes API. None is ever sent twice by this gateway: a POST or DELETE is retried only when the
 * failure proves it never reached the upstream (connection refused, DNS failure, the breaker open, the local rate
 * budget) or the upstream refused it with 429. When the outcome cannot be known (a timeout, a reset after sending,
 * a 500/502/503/504) the error carries `extensions.outcome: "UNKNOWN"`: look before trying again. Every error of a
 * mutation field carries `extensions.outcome`: `APPLIED`, `UNKNOWN` or `NOT_APPLIED`.
 * Every input is checked before any upstream call; a refusal is `BAD_USER_INPUT` with `extensions.field` naming
 * the input path (e.g. `jobs.0.arguments.sendTask.title`).
 * Every field is nullable: a failing field is null with its error at its path, and the other fields keep their data
 * (a run another field started is never lost). Fields run one after another; after a field that found the upstream
 * unavailable (`UPSTREAM_UNAVAILABLE`, `UPSTREAM_UNREACHABLE`, `UPSTREAM_TIMEOUT`) the later ones are not sent
 * (`UPSTREAM_UNAVAILABLE`, `outcome: "NOT_APPLIED"`). Send an `Idempotency-Key` header to retry a mutation safely.
 */
export type MutationAddJobRunsArgs = {
  jobs: Array<JobRunInput>;
  placement?: InputMaybe<JobRunPlacement>;
  processRunId: Scalars['ID']['input'];
};


/**
 * Writes to the Processes API. None is ever sent twice by this gateway: a POST or DELETE is retried only when the
 * failure proves it never reached the upstream (connection refused, DNS failure, the breaker open, the local rate
 * budget) or the upstream refused it with 429. When the outcome cannot be known (a timeout, a reset after sending,
 * a 500/502/503/504) the error carries `extensions.outcome: "UNKNOWN"`: look before trying again. Every error of a
 * mutation field carries `extensions.outcome`: `APPLIED`, `UNKNOWN` or `NOT_APPLIED`.
 * Every input is checked before any upstream call; a refusal is `BAD_USER_INPUT` with `extensions.field` naming
 * the input path (e.g. `jobs.0.arguments.sendTask.title`).
 * Every field is nullable: a failing field is null with its error at its path, and the other fields keep their data
 * (a run another field started is never lost). Fields run one after another; after a field that found the upstream
 * unavailable (`UPSTREAM_UNAVAILABLE`, `UPSTREAM_UNREACHABLE`, `UPSTREAM_TIMEOUT`) the later ones are not sent
 * (`UPSTREAM_UNAVAILABLE`, `outcome: "NOT_APPLIED"`). Send an `Idempotency-Key` header to retry a mutation safely.
 */
export type MutationCreateProcessArgs = {
  input: CreateProcessInput;
};


/**
 * Writes to the Processes API. None is ever sent twice by this gateway: a POST or DELETE is retried only when the
 * failure proves it never reached the upstream (connection refused, DNS failure, the breaker open, the local rate
 * budget) or the upstream refused it with 429. When the outcome cannot be known (a timeout, a reset after sending,
 * a 500/502/503/504) the error carries `extensions.outcome: "UNKNOWN"`: look before trying again. Every error of a
 * mutation field carries `extensions.outcome`: `APPLIED`, `UNKNOWN` or `NOT_APPLIED`.
 * Every input is checked before any upstream call; a refusal is `BAD_USER_INPUT` with `extensions.field` naming
 * the input path (e.g. `jobs.0.arguments.sendTask.title`).
 * Every field is nullable: a failing field is null with its error at its path, and the other fields keep their data
 * (a run another field started is never lost). Fields run one after another; after a field that found the upstream
 * unavailable (`UPSTREAM_UNAVAILABLE`, `UPSTREAM_UNREACHABLE`, `UPSTREAM_TIMEOUT`) the later ones are not sent
 * (`UPSTREAM_UNAVAILABLE`, `outcome: "NOT_APPLIED"`). Send an `Idempotency-Key` header to retry a mutation safely.
 */
export type MutationRenameProcessItemsArgs = {
  processId: Scalars['ID']['input'];
  renames: Array<RenameInput>;
};


/**
 * Writes to the Processes API. None is ever sent twice by this gateway: a POST or DELETE is retried only when the
 * failure proves it never reached the upstream (connection refused, DNS failure, the breaker open, the local rate
 * budget) or the upstream refused it with 429. When the outcome cannot be known (a timeout, a reset after sending,
 * a 500/502/503/504) the error carries `extensions.outcome: "UNKNOWN"`: look before trying again. Every error of a
 * mutation field carries `extensions.outcome`: `APPLIED`, `UNKNOWN` or `NOT_APPLIED`.
 * Every input is checked before any upstream call; a refusal is `BAD_USER_INPUT` with `extensions.field` naming
 * the input path (e.g. `jobs.0.arguments.sendTask.title`).
 * Every field is nullable: a failing field is null with its error at its path, and the other fields keep their data
 * (a run another field started is never lost). Fields run one after another; after a field that found the upstream
 * unavailable (`UPSTREAM_UNAVAILABLE`, `UPSTREAM_UNREACHABLE`, `UPSTREAM_TIMEOUT`) the later ones are not sent
 * (`UPSTREAM_UNAVAILABLE`, `outcome: "NOT_APPLIED"`). Send an `Idempotency-Key` header to retry a mutation safely.
 */
export type MutationRunProcessArgs = {
  processId: Scalars['ID']['input'];
  sendProcessCompleteEmail?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * Writes to the Processes API. None is ever sent twice by this gateway: a POST or DELETE is retried only when the
 * failure proves it never reached the upstream (connection refused, DNS failure, the breaker open, the local rate
 * budget) or the upstream refused it with 429. When the outcome cannot be known (a timeout, a reset after sending,
 * a 500/502/503/504) the error carries `extensions.outcome: "UNKNOWN"`: look before trying again. Every error of a
 * mutation field carries `extensions.outcome`: `APPLIED`, `UNKNOWN` or `NOT_APPLIED`.
 * Every input is checked before any upstream call; a refusal is `BAD_USER_INPUT` with `extensions.field` naming
 * the input path (e.g. `jobs.0.arguments.sendTask.title`).
 * Every field is nullable: a failing field is null with its error at its path, and the other fields keep their data
 * (a run another field started is never lost). Fields run one after another; after a field that found the upstream
 * unavailable (`UPSTREAM_UNAVAILABLE`, `UPSTREAM_UNREACHABLE`, `UPSTREAM_TIMEOUT`) the later ones are not sent
 * (`UPSTREAM_UNAVAILABLE`, `outcome: "NOT_APPLIED"`). Send an `Idempotency-Key` header to retry a mutation safely.
 */
export type MutationTrashProcessArgs = {
  processId: Scalars['ID']['input'];
};

/** A sort direction. */
export type OrderDirection =
  /** Smallest first (upstream ` asc`). */
  | 'ASC'
  /** Largest first (upstream ` desc`). */
  | 'DESC';

/** Where a page sits in the list: the Relay shape exactly, shared with other subgraphs' connections (@shareable). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor to pass as `after` for the next page (the page cursor); null only on an empty last page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True exactly when the upstream said there are more results (it sent an `@nextLink`). */
  hasNextPage: Scalars['Boolean']['output'];
  /** Always false: paging is forward-only (there is no `last`/`before`). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor (the page cursor, see `ProcessEdge.cursor`); null on an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * A Process: the build-time template whose work is a tree of Jobs in its root Group (upstream `Process`,
 * `GET /processes/{id}`). Runs are started from it. Federation entity: owned and resolved by this subgraph.
 */
export type Process = {
  __typename?: 'Process';
  /** Whether a run closes itself once every job is complete; null when not sent. */
  autoClose?: Maybe<Scalars['Boolean']['output']>;
  /** The days that count as business days for due-date arithmetic (upstream `businessDaysOfWeek`); empty when not sent. */
  businessDaysOfWeek: Array<DayOfWeek>;
  /** The first business day the process's dates count from (upstream `businessStartDate`, `YYYY-MM-DD`); null when not sent. */
  businessStartDate?: Maybe<Scalars['Date']['output']>;
  /** Whether certification steps are approved automatically; null when not sent. */
  certAutoApprove?: Maybe<Scalars['Boolean']['output']>;
  /** When and by whom the process was created (upstream `created`); null when not sent. */
  created?: Maybe<AuditStamp>;
  /** When the process is due (upstream `dueDate`, `YYYY-MM-DD`); null when none is set. */
  dueDate?: Maybe<Scalars['Date']['output']>;
  /** The Process's identifier as the upstream issues it: the `id` to pass to `process` and the federation key. */
  id: Scalars['ID']['output'];
  /** Every Job of the tree, depth first (pre-order); within a group, children in `ordinal` order (upstream order where ordinals tie or are missing). */
  jobs: Array<ProcessJob>;
  /** When and by whom the process was last changed (upstream `modified`); null when not sent. */
  modified?: Maybe<AuditStamp>;
  /** The process's display name (upstream `name`). */
  name: Scalars['String']['output'];
  /** The Process object exactly as the upstream sent it (a list item includes its embedded run). */
  raw: Scalars['JSON']['output'];
  /** Whether due dates are relative to a run's start rather than fixed dates; null when not sent. */
  relativeDates?: Maybe<Scalars['Boolean']['output']>;
  /** The top-level group of the process's build-time tree (upstream `root`); null when the upstream sends none. */
  root?: Maybe<ProcessGroup>;
  /**
   * The process's current run; null when the process has never been started (or when the upstream answer carries
   * no run: see docs/processes.md). Taken from the run the list item embeds when that holds every field asked for;
   * otherwise fetched with `GET /processRuns/{id}` through the same per-request loader as `processRun`.
   */
  run?: Maybe<ProcessRun>;
};

/** One page of processes (a Relay-style connection, forward-only). */
export type ProcessConnection = {
  __typename?: 'ProcessConnection';
  /** The processes of this page with their cursors, in upstream order. */
  edges: Array<ProcessEdge>;
  /** The processes of this page, in upstream order (the same as `edges { node }`). */
  nodes: Array<Process>;
  /** Whether there is a next page, and the cursor to ask for it. */
  pageInfo: PageInfo;
};

/** A process and its cursor. */
export type ProcessEdge = {
  __typename?: 'ProcessEdge';
  /**
   * Page granularity: every edge of a page carries that page's cursor, so passing any edge's cursor as `after`
   * continues after the whole page, never in its middle. Opaque and bound to the query's arguments.
   */
  cursor: Scalars['String']['output'];
  /** The process. */
  node: Process;
};

/** Which processes `processes` lists. */
export type ProcessFilter = {
  /** Only processes whose name contains this text (upstream `$filter=name contains '<text>'`, quotes escaped). At most 200 characters, no control characters; empty: no filter. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

/** A group of jobs and groups at build time (upstream child `{ type: "group", group }`): a GroupRun without run state. */
export type ProcessGroup = {
  __typename?: 'ProcessGroup';
  /** The group's children in upstream order. Use `ordinal` to sort; `Process.jobs` is already sorted. */
  children: Array<ProcessNode>;
  /** The group's identifier (upstream `id`); null when the upstream sends none. */
  id?: Maybe<Scalars['ID']['output']>;
  /** The group's display name; null when the upstream sends none. */
  name?: Maybe<Scalars['String']['output']>;
  /** Position among its siblings; null when not sent. */
  ordinal?: Maybe<Scalars['Int']['output']>;
  /** Whether the children run at the same time (true) or one after another (false); null when not sent. */
  parallel?: Maybe<Scalars['Boolean']['output']>;
  /** Id of the parent group (upstream `parent`); null for the root or when not sent. */
  parent?: Maybe<Scalars['ID']['output']>;
  /** Whether the group can no longer be edited (upstream `readOnly`); null when not sent. */
  readOnly?: Maybe<Scalars['Boolean']['output']>;
  /** What starts this group (upstream `triggerType`, e.g. `whenEligible`, passed through as sent). */
  triggerType?: Maybe<Scalars['String']['output']>;
};

/** A group of a new process: its children run in order, or all at once when `parallel`. */
export type ProcessGroupInput = {
  /** The group's children, in order. */
  children: Array<ProcessNodeInput>;
  /** The group's name (1 to 256 characters, no control characters). */
  name: Scalars['String']['input'];
  /** Whether the children run at the same time (default false). */
  parallel?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A job at build time (upstream child `{ type: "job", job }`): what a JobRun is made from. */
export type ProcessJob = {
  __typename?: 'ProcessJob';
  /** What the job does (upstream `action`, e.g. `sendTask` → `SEND_TASK`); null when not sent. */
  action?: Maybe<JobAction>;
  /** The job's inputs, the same types as `JobRun.arguments` (upstream `arguments`, keyed by its `type`); null when the upstream sends none. */
  arguments?: Maybe<JobArguments>;
  /** The job's identifier (upstream `id`); null when the upstream sends none. */
  id?: Maybe<Scalars['ID']['output']>;
  /** The job's display name (upstream `name`); null when not sent. */
  name?: Maybe<Scalars['String']['output']>;
  /** Position among its siblings; null when not sent. */
  ordinal?: Maybe<Scalars['Int']['output']>;
  /** Whether the job can no longer be edited (upstream `readOnly`); null when not sent. */
  readOnly?: Maybe<Scalars['Boolean']['output']>;
  /** What starts this job (upstream `triggerType`, e.g. `whenEligible`, passed through as sent). */
  triggerType?: Maybe<Scalars['String']['output']>;
};

/** A job of a new process. */
export type ProcessJobInput = {
  /** What the job does. Only `SEND_TASK`, `CONTENT_REQUEST` and `CERTIFICATION` can be created. */
  action: JobAction;
  /** The arguments of exactly `action`. */
  arguments: JobArgumentsInput;
  /** The job's name (1 to 256 characters, no control characters); null: the upstream names it. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A node of a process's build-time tree: a group of nodes, a job, or a kind of node this gateway does not know yet. */
export type ProcessNode = ProcessGroup | ProcessJob | UnknownProcessNode;

/** A child of a group: exactly one of `job` or `group` (checked by this gateway, as for `JobArgumentsInput`). */
export type ProcessNodeInput = {
  /** A nested group. */
  group?: InputMaybe<ProcessGroupInput>;
  /** A job. */
  job?: InputMaybe<ProcessJobInput>;
};

/** A sort order for `processes`. */
export type ProcessOrder = {
  /** Ascending or descending. */
  direction: OrderDirection;
  /** What to sort by. */
  field: ProcessOrderField;
};

/** What `processes` can be sorted by (the upstream's `$orderBy` keys). */
export type ProcessOrderField =
  /** The process due date (upstream `dueDate`). */
  | 'DUE_DATE'
  /** The process name (upstream `name`). */
  | 'NAME'
  /** When the process's current run was started (upstream `run.created.dateTime`). */
  | 'RUN_CREATED';

/**
 * A Process that has been started: an instantiation of a Process (upstream `ProcessRun`).
 * Federation entity: other subgraphs can reference a run by `id`.
 */
export type ProcessRun = {
  __typename?: 'ProcessRun';
  /** Whether the run closes itself once every job is complete. */
  autoClose: Scalars['Boolean']['output'];
  /** The days that count as business days for due-date arithmetic. */
  businessDaysOfWeek: Array<DayOfWeek>;
  /** Whether certification steps are approved automatically. */
  certAutoApprove: Scalars['Boolean']['output'];
  /** When and by whom the run was started (upstream `created`). */
  created: AuditStamp;
  /** When the run is due (upstream `dueDate`, `YYYY-MM-DD`); null when none is set. */
  dueDate?: Maybe<Scalars['Date']['output']>;
  /** The run's identifier as the upstream issues it: the `id` to pass to `processRun` and the federation key. */
  id: Scalars['ID']['output'];
  /** Upstream feature flag `ipmBetaEnabled`. */
  ipmBetaEnabled: Scalars['Boolean']['output'];
  /** Upstream feature flag `iwmOptOut`. */
  iwmOptOut: Scalars['Boolean']['output'];
  /** Every JobRun of the tree, depth first (pre-order); within a group, children in `ordinal` order (upstream order where ordinals tie or are missing). */
  jobs: Array<JobRun>;
  /** When and by whom the run was last changed (upstream `modified`). */
  modified: AuditStamp;
  /** The run's display name (upstream `name`). */
  name: Scalars['String']['output'];
  /** The Process this run was started from (upstream `process`, a plain id); null with a coded error at this path when the process cannot be read (trashed, forbidden, failing), while the run keeps its data. */
  process?: Maybe<Process>;
  /** Whether due dates are relative to the run's start rather than fixed dates. */
  relativeDates: Scalars['Boolean']['output'];
  /** Revision counter of the run, incremented by the upstream on every change. */
  revision: Scalars['Int']['output'];
  /** The top-level group of the run's tree. */
  root: GroupRun;
  /** Overall status of the run. Unknown upstream values become `UNKNOWN`. */
  status: RunStatus;
  /** How many jobs are in each action status (the upstream map `statusCounts` as a list, in upstream order). Counts the whole run: jobs left out by `excludeGeneratedJobs: true` are still counted, so the counts can exceed `jobs`. */
  statusCounts: Array<StatusCount>;
};

/** Status of the task behind a task-like job. Upstream sends capitalised words (`Created`). */
export type ProcessTaskStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'CREATED'
  | 'IN_PROGRESS'
  /** A value the upstream sent that this schema does not know yet (it is logged). */
  | 'UNKNOWN';

/** The entry points of this subgraph. A federation router also gets `_service` (the SDL) and `_entities` (ProcessRun and Process by id). */
export type Query = {
  __typename?: 'Query';
  /**
   * A process (the build-time template runs are started from), fetched from the Processes API
   * `GET /processes/{id}`. Null when the upstream answers 404 (the error then carries `NOT_FOUND`).
   */
  process?: Maybe<Process>;
  /**
   * A process run (a running instance of a Process), fetched from the Processes API
   * `GET /processRuns/{id}`. Null when the upstream answers 404 (the error then carries `NOT_FOUND`).
   */
  processRun?: Maybe<ProcessRun>;
  /**
   * One page of processes, from `GET /processes` (one upstream call per page). Forward-only: pass
   * `pageInfo.endCursor` as `after` for the next page. Arguments out of range, or a cursor made for other
   * arguments, are `BAD_USER_INPUT` without an upstream call.
   */
  processes: ProcessConnection;
};


/** The entry points of this subgraph. A federation router also gets `_service` (the SDL) and `_entities` (ProcessRun and Process by id). */
export type QueryProcessArgs = {
  excludeGeneratedJobs?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};


/** The entry points of this subgraph. A federation router also gets `_service` (the SDL) and `_entities` (ProcessRun and Process by id). */
export type QueryProcessRunArgs = {
  excludeGeneratedJobs?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};


/** The entry points of this subgraph. A federation router also gets `_service` (the SDL) and `_entities` (ProcessRun and Process by id). */
export type QueryProcessesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProcessFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ProcessOrder>;
};

/** One rename: a job or a group of the process, by id, and its new name. */
export type RenameInput = {
  /** The job's or group's id. */
  id: Scalars['ID']['input'];
  /** Whether `id` is a job or a group. */
  kind: RenameKind;
  /** The new name (1 to 256 characters, no control characters). */
  newName: Scalars['String']['input'];
};

/** What a rename applies to. */
export type RenameKind =
  /** A group (upstream `groupName` update). */
  | 'GROUP'
  /** A job (upstream `jobName` update). */
  | 'JOB';

/** A node of a run's tree: a group of nodes, a job, or a kind of node this gateway does not know yet. */
export type RunNode = GroupRun | JobRun | UnknownRunNode;

/** Status of a run or a group. Upstream sends lower case (`running`). */
export type RunStatus =
  | 'CANCELLED'
  | 'CANCELLING'
  | 'COMPLETE'
  | 'RUNNING'
  /** A value the upstream sent that this schema does not know yet (it is logged). */
  | 'UNKNOWN'
  | 'WAITING';

/** Arguments of a `sendTask` job (upstream `sendTaskArgs`). */
export type SendTaskArguments = TaskJobArguments & {
  __typename?: 'SendTaskArguments';
  /** Who the task goes to (upstream `assignee` object or plain-id `assigneeUser`). */
  assignee?: Maybe<Assignee>;
  /** The document the task is about (upstream `document`, a plain id). */
  document?: Maybe<Document>;
  /** The `sendTaskArgs` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Title of the task the job creates (upstream `title`). */
  title?: Maybe<Scalars['String']['output']>;
};

/** A task sent to one user (upstream `sendTaskArgs`). User ids are sent as `{ id, type: "user" }`. */
export type SendTaskArgumentsInput = {
  /** The user who approves the task, if any. */
  approver?: InputMaybe<Scalars['ID']['input']>;
  /** When the approval is due (`YYYY-MM-DD`). */
  approverDueDate?: InputMaybe<Scalars['Date']['input']>;
  /** The user the task goes to. */
  assignee: Scalars['ID']['input'];
  /** The document the task is about, if any. */
  document?: InputMaybe<Scalars['ID']['input']>;
  /** When the task is due (`YYYY-MM-DD`). */
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  /** Instructions for the assignee (at most 10000 characters; line breaks and tabs allowed, other control characters not). */
  instructions?: InputMaybe<Scalars['String']['input']>;
  /** Title of the task (1 to 256 characters, no control characters). */
  title: Scalars['String']['input'];
};

/** What a `sendTask` job has produced (upstream `sendTaskMetadata`). */
export type SendTaskMetadata = TaskJobMetadata & {
  __typename?: 'SendTaskMetadata';
  /** Whether clean-up after a cancelled task has finished (upstream `cancelCleanupComplete`). */
  cancelCleanupComplete?: Maybe<Scalars['Boolean']['output']>;
  /** Link to the task in the Workiva app (upstream `permalink`). */
  permalink?: Maybe<Scalars['String']['output']>;
  /** The `sendTaskMetadata` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Status of the Workiva task (upstream `status`, capitalised: `Created` → `CREATED`). */
  status?: Maybe<ProcessTaskStatus>;
  /** The Workiva task the job created (upstream `task`, a plain id). */
  task?: Maybe<Task>;
  /** Whether the task was cancelled (upstream `taskCancelled`). */
  taskCancelled?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the assignee was told of the cancellation (upstream `taskCancelledNotificationSent`). */
  taskCancelledNotificationSent?: Maybe<Scalars['Boolean']['output']>;
};

/** The number of jobs in one action status. */
export type StatusCount = {
  __typename?: 'StatusCount';
  /** How many jobs are in this status (the value of the upstream `statusCounts` entry). */
  count: Scalars['Int']['output'];
  /** The status as an enum value; `UNKNOWN` for a status this gateway does not know. */
  status: ActionStatus;
  /** The status key exactly as the upstream sent it (e.g. `Completed`). */
  upstreamStatus: Scalars['String']['output'];
};

/** Live updates. Over GraphQL over SSE (`Accept: text/event-stream` on /graphql) or GraphQL over WebSocket (`graphql-ws` protocol on /graphql). */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Watches a process run. The first event is the run as it is now; then one event each time it changes (the
   * upstream's `revision` goes up, or its content differs); nothing while it does not change. After the event that
   * carries a terminal status (`COMPLETE` or `CANCELLED`) the subscription completes. A run the caller may not read
   * ends it with the code `processRun` gives (`NOT_FOUND`, `FORBIDDEN`, …); passing upstream failures are waited
   * out, and one that lasts too long ends it with `UPSTREAM_UNAVAILABLE`. Refused with `SUBSCRIPTION_LIMIT_EXCEEDED`
   * beyond the gateway's bounds. Callers with the same credentials share one upstream poll per run.
   */
  processRunUpdated: ProcessRun;
};


/** Live updates. Over GraphQL over SSE (`Accept: text/event-stream` on /graphql) or GraphQL over WebSocket (`graphql-ws` protocol on /graphql). */
export type SubscriptionProcessRunUpdatedArgs = {
  excludeGeneratedJobs?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};

/** A Workiva task created by a task-like job. Owned by another subgraph; this one only knows its id. */
export type Task = {
  __typename?: 'Task';
  /** The task's id (upstream `task`, a plain id). */
  id: Scalars['ID']['output'];
};

/** Fields every known argument variant shares. Only `sendTask` and `contentRequest` are confirmed by the upstream's docs; for the certification variants the fields are read when present, and `raw` always holds the object as sent. */
export type TaskJobArguments = {
  /** Who the task goes to (upstream `assignee` object or plain-id `assigneeUser`). */
  assignee?: Maybe<Assignee>;
  /** The document the task is about (upstream `document`, an id). */
  document?: Maybe<Document>;
  /** The variant's object (e.g. the value of `sendTaskArgs`) exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Title of the task the job creates (upstream `title`). */
  title?: Maybe<Scalars['String']['output']>;
};

/** Fields every known metadata variant shares: the Workiva task a job created. Confirmed for `sendTask` and `contentRequest`; read when present for the others. */
export type TaskJobMetadata = {
  /** Whether clean-up after a cancelled task has finished. */
  cancelCleanupComplete?: Maybe<Scalars['Boolean']['output']>;
  /** Link to the task in the Workiva app. */
  permalink?: Maybe<Scalars['String']['output']>;
  /** The variant's object (e.g. the value of `sendTaskMetadata`) exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** Status of the Workiva task (upstream `status`, capitalised: `Created` → `CREATED`). */
  status?: Maybe<ProcessTaskStatus>;
  /** The Workiva task the job created (upstream `task`, a plain id). */
  task?: Maybe<Task>;
  /** Whether the task was cancelled (upstream `taskCancelled`). */
  taskCancelled?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the assignee was told of the cancellation (upstream `taskCancelledNotificationSent`). */
  taskCancelledNotificationSent?: Maybe<Scalars['Boolean']['output']>;
};

/** An assignee or approver whose `type` this gateway does not know (anything but a user). */
export type UnknownAssignee = {
  __typename?: 'UnknownAssignee';
  /** The reference exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** The upstream `type` of the reference, e.g. `group`. */
  type: Scalars['String']['output'];
  /** The upstream `id` of the reference, when it has one. (Not `id`: it may be null, `User.id` may not, and both can share a selection.) */
  upstreamId?: Maybe<Scalars['ID']['output']>;
};

/** Arguments of a type this gateway does not know, or whose expected key was missing. Nothing is lost. */
export type UnknownJobArguments = {
  __typename?: 'UnknownJobArguments';
  /** The whole `arguments` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** The upstream `type`. */
  type: Scalars['String']['output'];
};

/** Metadata of a type this gateway does not know, or whose expected key was missing. Nothing is lost. */
export type UnknownJobMetadata = {
  __typename?: 'UnknownJobMetadata';
  /** The whole `metadata` object exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** The upstream `type`. */
  type: Scalars['String']['output'];
};

/** A child of a group whose upstream `type` this gateway does not know. Nothing is lost: `raw` holds it as sent. */
export type UnknownProcessNode = {
  __typename?: 'UnknownProcessNode';
  /** The child wrapper exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** The upstream `type` of the child. */
  type: Scalars['String']['output'];
};

/** A child of a group whose upstream `type` this gateway does not know. Nothing is lost: `raw` holds it as sent. */
export type UnknownRunNode = {
  __typename?: 'UnknownRunNode';
  /** The child wrapper exactly as the upstream sent it. */
  raw: Scalars['JSON']['output'];
  /** The upstream `type` of the child. */
  type: Scalars['String']['output'];
};

/** A Workiva user. Owned by another subgraph; this one only knows its id. */
export type User = {
  __typename?: 'User';
  /** The user's id. Upstream sends user references both as `{ id, type: "user" }` objects and as plain id strings. */
  id: Scalars['ID']['output'];
};

export type RunSummaryQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RunSummaryQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', name: string, status: RunStatus, jobs: Array<{ __typename?: 'JobRun', id: string }> } | null };

export type JobActionsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  excludeGeneratedJobs?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type JobActionsQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', jobs: Array<{ __typename?: 'JobRun', action: JobAction }> } | null };

export type RunStatusQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RunStatusQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', status: RunStatus } | null };

export type SameRunAliasesQueryVariables = Exact<{ [key: string]: never; }>;


export type SameRunAliasesQuery = { __typename?: 'Query', a?: { __typename?: 'ProcessRun', id: string } | null, b?: { __typename?: 'ProcessRun', name: string } | null, c?: { __typename?: 'ProcessRun', status: RunStatus } | null };

export type DistinctCallsQueryVariables = Exact<{ [key: string]: never; }>;


export type DistinctCallsQuery = { __typename?: 'Query', seed?: { __typename?: 'ProcessRun', id: string } | null, all?: { __typename?: 'ProcessRun', jobs: Array<{ __typename?: 'JobRun', id: string }> } | null, lean?: { __typename?: 'ProcessRun', jobs: Array<{ __typename?: 'JobRun', id: string }> } | null };

export type RunJobIdsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  excludeGeneratedJobs?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type RunJobIdsQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', jobs: Array<{ __typename?: 'JobRun', id: string }> } | null };

export type SeedRunQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SeedRunQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', id: string, status: RunStatus } | null };

export type MissingQueryVariables = Exact<{ [key: string]: never; }>;


export type MissingQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', id: string } | null };

export type FlakyQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FlakyQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', id: string } | null };

type TreeNodeFields_GroupRun_Fragment = { __typename: 'GroupRun', id: string, name?: string | null, parallel: boolean, status: RunStatus, parent?: string | null, groupOrdinal?: number | null };

type TreeNodeFields_JobRun_Fragment = { __typename: 'JobRun', id: string, ordinal: number };

type TreeNodeFields_UnknownRunNode_Fragment = { __typename: 'UnknownRunNode', type: string, raw: unknown };

export type TreeNodeFieldsFragment = TreeNodeFields_GroupRun_Fragment | TreeNodeFields_JobRun_Fragment | TreeNodeFields_UnknownRunNode_Fragment;

export type NestedTreeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NestedTreeQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', root: { __typename?: 'GroupRun', id: string, children: Array<{ __typename: 'GroupRun', id: string, name?: string | null, parallel: boolean, status: RunStatus, parent?: string | null, groupOrdinal?: number | null, children: Array<{ __typename: 'GroupRun', id: string, name?: string | null, parallel: boolean, status: RunStatus, parent?: string | null, groupOrdinal?: number | null, children: Array<{ __typename: 'GroupRun', id: string, name?: string | null, parallel: boolean, status: RunStatus, parent?: string | null, groupOrdinal?: number | null } | { __typename: 'JobRun', id: string, ordinal: number } | { __typename: 'UnknownRunNode', type: string, raw: unknown }> } | { __typename: 'JobRun', id: string, ordinal: number } | { __typename: 'UnknownRunNode', type: string, raw: unknown }> } | { __typename: 'JobRun', id: string, ordinal: number } | { __typename: 'UnknownRunNode', type: string, raw: unknown }> } } | null };

export type JobOrderQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type JobOrderQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', jobs: Array<{ __typename?: 'JobRun', id: string, ordinal: number }> } | null };

export type JobIdsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type JobIdsQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', jobs: Array<{ __typename?: 'JobRun', id: string }> } | null };

export type RootChildrenAndJobsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RootChildrenAndJobsQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', root: { __typename?: 'GroupRun', children: Array<{ __typename: 'GroupRun', id: string, name?: string | null, parallel: boolean, status: RunStatus, parent?: string | null, groupOrdinal?: number | null } | { __typename: 'JobRun', id: string, ordinal: number } | { __typename: 'UnknownRunNode', type: string, raw: unknown }> }, jobs: Array<{ __typename?: 'JobRun', id: string }> } | null };

export type RootChildrenQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RootChildrenQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', root: { __typename?: 'GroupRun', children: Array<{ __typename: 'GroupRun', id: string, name?: string | null, parallel: boolean, status: RunStatus, parent?: string | null, groupOrdinal?: number | null } | { __typename: 'JobRun', id: string, ordinal: number } | { __typename: 'UnknownRunNode', type: string, raw: unknown }> } } | null };

export type EnumDriftQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EnumDriftQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', status: RunStatus, businessDaysOfWeek: Array<DayOfWeek>, statusCounts: Array<{ __typename?: 'StatusCount', status: ActionStatus, upstreamStatus: string, count: number }>, jobs: Array<{ __typename?: 'JobRun', id: string, status: RunStatus, action: JobAction, actionStatus: ActionStatus }> } | null };

export type JobVariantsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type JobVariantsQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', jobs: Array<{ __typename?: 'JobRun', id: string, action: JobAction, arguments?: { __typename: 'CertApproverArguments', title?: string | null, raw: unknown, assignee?: { __typename: 'UnknownAssignee', type: string, upstreamId?: string | null } | { __typename: 'User', id: string } | null, document?: { __typename?: 'Document', id: string } | null, approver?: { __typename: 'UnknownAssignee' } | { __typename: 'User', id: string } | null } | { __typename: 'CertPhaseFinalizerArguments', title?: string | null, raw: unknown, assignee?: { __typename: 'UnknownAssignee', type: string, upstreamId?: string | null } | { __typename: 'User', id: string } | null, document?: { __typename?: 'Document', id: string } | null } | { __typename: 'CertSignerArguments', title?: string | null, raw: unknown, assignee?: { __typename: 'UnknownAssignee', type: string, upstreamId?: string | null } | { __typename: 'User', id: string } | null, document?: { __typename?: 'Document', id: string } | null } | { __typename: 'CertificationArguments', title?: string | null, raw: unknown, assignee?: { __typename: 'UnknownAssignee', type: string, upstreamId?: string | null } | { __typename: 'User', id: string } | null, document?: { __typename?: 'Document', id: string } | null } | { __typename: 'ContentRequestArguments', title?: string | null, raw: unknown, assignee?: { __typename: 'UnknownAssignee', type: string, upstreamId?: string | null } | { __typename: 'User', id: string } | null, document?: { __typename?: 'Document', id: string } | null, approver?: { __typename: 'UnknownAssignee' } | { __typename: 'User', id: string } | null } | { __typename: 'SendTaskArguments', title?: string | null, raw: unknown, assignee?: { __typename: 'UnknownAssignee', type: string, upstreamId?: string | null } | { __typename: 'User', id: string } | null, document?: { __typename?: 'Document', id: string } | null } | { __typename: 'UnknownJobArguments', type: string, raw: unknown } | null, metadata?: { __typename: 'CertApproverMetadata', status?: ProcessTaskStatus | null, permalink?: string | null, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'CertConditionalApproverMetadata', status?: ProcessTaskStatus | null, permalink?: string | null, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'CertSignerMetadata', status?: ProcessTaskStatus | null, permalink?: string | null, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'CertificationMetadata', status?: ProcessTaskStatus | null, permalink?: string | null, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'ContentRequestMetadata', status?: ProcessTaskStatus | null, permalink?: string | null, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'SendTaskMetadata', status?: ProcessTaskStatus | null, permalink?: string | null, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'UnknownJobMetadata', type: string, raw: unknown } | null }> } | null };

export type RunQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RunQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', id: string, name: string } | null };

export type RunIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RunIdQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', id: string } | null };

export type FullQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FullQuery = { __typename?: 'Query', processRun?: { __typename?: 'ProcessRun', id: string, name: string, status: RunStatus, revision: number, dueDate?: string | null, autoClose: boolean, certAutoApprove: boolean, relativeDates: boolean, ipmBetaEnabled: boolean, iwmOptOut: boolean, businessDaysOfWeek: Array<DayOfWeek>, process?: { __typename?: 'Process', id: string } | null, created: { __typename?: 'AuditStamp', dateTime: string, user: { __typename?: 'User', id: string } }, modified: { __typename?: 'AuditStamp', dateTime: string, user: { __typename?: 'User', id: string } }, statusCounts: Array<{ __typename?: 'StatusCount', status: ActionStatus, upstreamStatus: string, count: number }>, root: { __typename?: 'GroupRun', id: string, name?: string | null, parallel: boolean, readOnly: boolean, status: RunStatus, active?: boolean | null, ordinal?: number | null, parent?: string | null, revision?: number | null, triggerType?: string | null, statusCounts?: Array<{ __typename?: 'StatusCount', status: ActionStatus, count: number }> | null, children: Array<{ __typename: 'GroupRun' } | { __typename: 'JobRun', id: string, job: string, ordinal: number, readOnly: boolean, status: RunStatus, action: JobAction, actionStatus: ActionStatus, arguments?: { __typename: 'CertApproverArguments' } | { __typename: 'CertPhaseFinalizerArguments' } | { __typename: 'CertSignerArguments' } | { __typename: 'CertificationArguments' } | { __typename: 'ContentRequestArguments', title?: string | null, raw: unknown, assignee?: { __typename: 'UnknownAssignee' } | { __typename: 'User', id: string } | null, approver?: { __typename: 'UnknownAssignee' } | { __typename: 'User', id: string } | null, document?: { __typename?: 'Document', id: string } | null } | { __typename: 'SendTaskArguments', title?: string | null, raw: unknown, assignee?: { __typename: 'UnknownAssignee' } | { __typename: 'User', id: string } | null, document?: { __typename?: 'Document', id: string } | null } | { __typename: 'UnknownJobArguments' } | null, metadata?: { __typename: 'CertApproverMetadata', cancelCleanupComplete?: boolean | null, permalink?: string | null, status?: ProcessTaskStatus | null, taskCancelled?: boolean | null, taskCancelledNotificationSent?: boolean | null, raw: unknown, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'CertConditionalApproverMetadata', cancelCleanupComplete?: boolean | null, permalink?: string | null, status?: ProcessTaskStatus | null, taskCancelled?: boolean | null, taskCancelledNotificationSent?: boolean | null, raw: unknown, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'CertSignerMetadata', cancelCleanupComplete?: boolean | null, permalink?: string | null, status?: ProcessTaskStatus | null, taskCancelled?: boolean | null, taskCancelledNotificationSent?: boolean | null, raw: unknown, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'CertificationMetadata', cancelCleanupComplete?: boolean | null, permalink?: string | null, status?: ProcessTaskStatus | null, taskCancelled?: boolean | null, taskCancelledNotificationSent?: boolean | null, raw: unknown, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'ContentRequestMetadata', cancelCleanupComplete?: boolean | null, permalink?: string | null, status?: ProcessTaskStatus | null, taskCancelled?: boolean | null, taskCancelledNotificationSent?: boolean | null, raw: unknown, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'SendTaskMetadata', cancelCleanupComplete?: boolean | null, permalink?: string | null, status?: ProcessTaskStatus | null, taskCancelled?: boolean | null, taskCancelledNotificationSent?: boolean | null, raw: unknown, task?: { __typename?: 'Task', id: string } | null } | { __typename: 'UnknownJobMetadata' } | null } | { __typename: 'UnknownRunNode' }> }, jobs: Array<{ __typename?: 'JobRun', id: string }> } | null };

export const TreeNodeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TreeNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parallel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","alias":{"kind":"Name","value":"groupOrdinal"},"name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"parent"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownRunNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]} as unknown as DocumentNode<TreeNodeFieldsFragment, unknown>;
export const RunSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RunSummaryQuery, RunSummaryQueryVariables>;
export const JobActionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobActions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"excludeGeneratedJobs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"excludeGeneratedJobs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"excludeGeneratedJobs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]} as unknown as DocumentNode<JobActionsQuery, JobActionsQueryVariables>;
export const RunStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RunStatusQuery, RunStatusQueryVariables>;
export const SameRunAliasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SameRunAliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"processrun-xyz789","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"processrun-xyz789","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"c"},"name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"processrun-xyz789","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"excludeGeneratedJobs"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SameRunAliasesQuery, SameRunAliasesQueryVariables>;
export const DistinctCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DistinctCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"seed"},"name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"processrun-xyz789","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"all"},"name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"processrun-cert-001","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"lean"},"name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"processrun-cert-001","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"excludeGeneratedJobs"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DistinctCallsQuery, DistinctCallsQueryVariables>;
export const RunJobIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunJobIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"excludeGeneratedJobs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"excludeGeneratedJobs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"excludeGeneratedJobs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RunJobIdsQuery, RunJobIdsQueryVariables>;
export const SeedRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SeedRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SeedRunQuery, SeedRunQueryVariables>;
export const MissingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Missing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"nope","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MissingQuery, MissingQueryVariables>;
export const FlakyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Flaky"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<FlakyQuery, FlakyQueryVariables>;
export const NestedTreeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NestedTree"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"root"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TreeNodeFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TreeNodeFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TreeNodeFields"}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TreeNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parallel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","alias":{"kind":"Name","value":"groupOrdinal"},"name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"parent"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownRunNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]} as unknown as DocumentNode<NestedTreeQuery, NestedTreeQueryVariables>;
export const JobOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}}]}}]}}]}}]} as unknown as DocumentNode<JobOrderQuery, JobOrderQueryVariables>;
export const JobIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<JobIdsQuery, JobIdsQueryVariables>;
export const RootChildrenAndJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RootChildrenAndJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"root"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TreeNodeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TreeNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parallel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","alias":{"kind":"Name","value":"groupOrdinal"},"name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"parent"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownRunNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]} as unknown as DocumentNode<RootChildrenAndJobsQuery, RootChildrenAndJobsQueryVariables>;
export const RootChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RootChildren"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"root"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TreeNodeFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TreeNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parallel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","alias":{"kind":"Name","value":"groupOrdinal"},"name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"parent"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownRunNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]} as unknown as DocumentNode<RootChildrenQuery, RootChildrenQueryVariables>;
export const EnumDriftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnumDrift"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"businessDaysOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamStatus"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actionStatus"}}]}}]}}]}}]} as unknown as DocumentNode<EnumDriftQuery, EnumDriftQueryVariables>;
export const JobVariantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobVariants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TaskJobArguments"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownAssignee"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContentRequestArguments"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CertApproverArguments"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownJobArguments"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TaskJobMetadata"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownJobMetadata"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<JobVariantsQuery, JobVariantsQueryVariables>;
export const RunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Run"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RunQuery, RunQueryVariables>;
export const RunIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RunIdQuery, RunIdQueryVariables>;
export const FullDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Full"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"process"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"autoClose"}},{"kind":"Field","name":{"kind":"Name","value":"certAutoApprove"}},{"kind":"Field","name":{"kind":"Name","value":"relativeDates"}},{"kind":"Field","name":{"kind":"Name","value":"ipmBetaEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"iwmOptOut"}},{"kind":"Field","name":{"kind":"Name","value":"businessDaysOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"created"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dateTime"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"modified"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dateTime"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamStatus"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"root"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parallel"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"parent"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"job"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SendTaskArguments"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContentRequestArguments"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"approver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TaskJobMetadata"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelCleanupComplete"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskCancelled"}},{"kind":"Field","name":{"kind":"Name","value":"taskCancelledNotificationSent"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<FullQuery, FullQueryVariables>;