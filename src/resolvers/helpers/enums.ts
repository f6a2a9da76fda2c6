import type { ActionStatus, DayOfWeek, JobAction, RunStatus, ProcessTaskStatus } from '../../generated/resolvers-types';
import type { UpstreamDriftReporter } from '../../upstream/upstream-drift';
import { UPSTREAM_GUESSES } from '../../upstream/upstream-guesses';

/** `running` → `RUNNING`, `Completed` → `COMPLETED`, `certificationApproverGenerated` → `CERTIFICATION_APPROVER_GENERATED`. */
export function toUpperSnake(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toUpperCase();
}

type EnumConverter<T extends string> = (value: unknown, drift: UpstreamDriftReporter) => T | 'UNKNOWN';

// An unknown value becomes UNKNOWN and is reported, never an error: one odd status must not null a whole run.
function enumConverter<T extends string>(
  enumName: string,
  values: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): EnumConverter<T> {
  const known = new Map<string, T>([...values.map((v): [string, T] => [v, v]), ...Object.entries(aliases)]);
  const memo = new Map<string, T>();
  return (value, drift) => {
    if (typeof value === 'string') {
      const hit = memo.get(value);
      if (hit !== undefined) return hit;
      const converted = known.get(toUpperSnake(value));
      if (converted !== undefined) {
        if (memo.size < 256) memo.set(value, converted);
        return converted;
      }
    }
    drift.report('enum', enumName, typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'));
    return 'UNKNOWN';
  };
}

// The upstream's docs show the cancelled status only as "can…": both spellings (and 'canceling') are accepted.
const CANCEL_SPELLINGS = UPSTREAM_GUESSES.enumSpellings.cancelSpellings;
export const toRunStatus = enumConverter<RunStatus>(
  'RunStatus',
  ['WAITING', 'RUNNING', 'CANCELLING', 'COMPLETE', 'CANCELLED'],
  CANCEL_SPELLINGS,
);
export const toActionStatus = enumConverter<ActionStatus>(
  'ActionStatus',
  ['WAITING', 'RUNNING', 'COMPLETED', 'CANCELLED', 'FAILED'],
  { CANCELED: 'CANCELLED' },
);
export const toTaskStatus = enumConverter<ProcessTaskStatus>(
  'ProcessTaskStatus',
  ['CREATED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'],
  { CANCELED: 'CANCELLED' },
);
export const toDayOfWeek = enumConverter<DayOfWeek>('DayOfWeek', [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
]);
export const toJobAction = enumConverter<JobAction>('JobAction', [
  'SEND_TASK',
  'CONTENT_REQUEST',
  'CERTIFICATION',
  'CERTIFICATION_APPROVER_GENERATED',
  'CERTIFICATION_SIGNER_GENERATED',
  'CERTIFICATION_CONDITIONAL_APPROVER_GENERATED',
  'CERTIFICATION_PHASE_FINALIZER_GENERATED',
]);
