import type { JobAction, JobArgumentsInput } from '../../../generated/resolvers-types';
import type { UpstreamJobArgumentsCreate, UpstreamUserRef } from '../../../upstream/write-types';
import { checkDate, checkId, checkName, checkText, given } from '../../../validation/input-rules';
import { inputRefusal } from '../../../validation/input-refusal';
import { UPSTREAM_GUESSES } from '../../../upstream/upstream-guesses';

// The actions a caller can create, each with its input field and upstream names. The certification steps the
// upstream generates (CERTIFICATION_*_GENERATED) and UNKNOWN are not here, so they are refused.
const CREATABLE = {
  SEND_TASK: { field: 'sendTask', upstream: 'sendTask', argsKey: 'sendTaskArgs' },
  CONTENT_REQUEST: { field: 'contentRequest', upstream: 'contentRequest', argsKey: 'contentRequestArgs' },
  CERTIFICATION: { field: 'certification', upstream: 'certification', argsKey: 'certificationArgs' },
} as const;

type CreatableAction = keyof typeof CREATABLE;
type ArgumentsField = (typeof CREATABLE)[CreatableAction]['field'];

const user = (id: string, field: string): UpstreamUserRef => ({
  id: checkId(id, field),
  type: UPSTREAM_GUESSES.userRefObject.type,
});

/** The upstream action name for a creatable action; refuses generated and unknown ones. */
export function upstreamAction(action: JobAction, field: string): string {
  if (!(action in CREATABLE)) {
    throw inputRefusal(
      field,
      `is ${action}, which cannot be created (only SEND_TASK, CONTENT_REQUEST and CERTIFICATION can)`,
    );
  }
  return CREATABLE[action as CreatableAction].upstream;
}

/**
 * Exactly one arguments field, the one matching `action` → the upstream `{ type, <type>Args }`. Optional inputs
 * are left out rather than sent as null.
 */
export function toUpstreamJobArguments(
  action: JobAction,
  input: JobArgumentsInput,
  path: string,
): UpstreamJobArgumentsCreate {
  upstreamAction(action, `${path}.action`);
  const spec = CREATABLE[action as CreatableAction];
  const set = (Object.keys(input) as ArgumentsField[]).filter((key) => given(input[key]));
  if (set.length !== 1)
    throw inputRefusal(
      `${path}.arguments`,
      `must set exactly one field (got ${set.length === 0 ? 'none' : set.join(', ')})`,
    );
  if (set[0] !== spec.field)
    throw inputRefusal(`${path}.arguments.${set[0]}`, `does not match action ${action} (expected ${spec.field})`);
  const at = `${path}.arguments.${spec.field}`;
  const args: Record<string, unknown> = {};
  const a = input[spec.field]!;
  args.title = checkName(a.title, `${at}.title`);
  args.assignee = user(a.assignee, `${at}.assignee`);
  if ('approver' in a && given(a.approver)) args.approver = user(a.approver, `${at}.approver`);
  if (given(a.document)) args.document = checkId(a.document, `${at}.document`);
  if ('section' in a && given(a.section)) args.section = checkId(a.section, `${at}.section`);
  if (given(a.dueDate)) args.dueDate = checkDate(a.dueDate, `${at}.dueDate`);
  if ('approverDueDate' in a && given(a.approverDueDate))
    args.approverDueDate = checkDate(a.approverDueDate, `${at}.approverDueDate`);
  if (given(a.instructions)) args.instructions = checkText(a.instructions, `${at}.instructions`);
  return { type: spec.upstream, [spec.argsKey]: args };
}
