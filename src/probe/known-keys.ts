import { UPSTREAM_GUESSES } from '../upstream/upstream-guesses';

// The keys the gateway reads per upstream shape (src/upstream/types.ts, process-types.ts); any other is reported.
const keys = (...names: string[]): ReadonlySet<string> => new Set(names);

export const KNOWN_KEYS = {
  ProcessPage: keys('data', '@nextLink'),
  Process: keys(
    'id', 'name', 'dueDate', 'businessStartDate', 'businessDaysOfWeek', 'autoClose', 'certAutoApprove', 'relativeDates',
    'created', 'modified', 'root', ...UPSTREAM_GUESSES.listRunKey.keys,
  ),
  ProcessRun: keys(
    'id', 'name', 'status', 'revision', 'process', 'dueDate', 'autoClose', 'certAutoApprove', 'relativeDates', 'ipmBetaEnabled',
    'iwmOptOut', 'businessDaysOfWeek', 'created', 'modified', 'root', 'statusCounts',
  ),
  GroupRun: keys(
    'id', 'name', 'parallel', 'readOnly', 'status', 'children', 'active', 'childrenEligibleToStartCount', 'eligibleToStart',
    'created', 'modified', 'ordinal', 'parent', 'revision', 'statusCounts', 'triggerType',
  ),
  JobRun: keys('id', 'job', 'ordinal', 'readOnly', 'status', 'action', 'actionStatus', 'arguments', 'metadata'),
  RunNode: keys('type', 'jobRun', UPSTREAM_GUESSES.runGroupChild.key),
  Group: keys('id', 'name', 'parallel', 'readOnly', 'triggerType', 'ordinal', 'parent', 'children'),
  Job: keys('id', 'name', 'action', 'triggerType', 'ordinal', 'readOnly', 'arguments'),
  ProcessNode: keys('type', UPSTREAM_GUESSES.processJobChild.key, UPSTREAM_GUESSES.processGroupChild.key),
  AuditStamp: keys('dateTime', 'user'),
  UserRef: keys('id', 'type'),
} as const;

export type ShapeKind = keyof typeof KNOWN_KEYS;
