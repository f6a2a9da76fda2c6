import type {
  CreateProcessInput,
  DayOfWeek,
  ProcessGroupInput,
  ProcessNodeInput,
} from '../../../generated/resolvers-types';
import type {
  UpstreamProcessCreate,
  UpstreamProcessGroupCreate,
  UpstreamProcessNodeCreate,
} from '../../../upstream/write-types';
import { toUpstreamJobArguments, upstreamAction } from './job-arguments-input';
import { checkDate, checkName, given } from '../../../validation/input-rules';
import { inputRefusal } from '../../../validation/input-refusal';

/**
 * Group levels, the root counted as level 1, checked while walking. graphql-js has coerced (recursively) the whole
 * input before this runs: useVariablesDepthLimit (src/server/plugins/variables-depth.ts) bounds that recursion.
 */
export const MAX_PROCESS_TREE_DEPTH = 10;
/** Groups and jobs together, the root included. */
export const MAX_PROCESS_TREE_NODES = 1000;

/** `createProcess(input)` → the POST /processes body. */
export function toUpstreamProcessCreate(input: CreateProcessInput): UpstreamProcessCreate {
  const body: Omit<UpstreamProcessCreate, 'root'> = { name: checkName(input.name, 'input.name') };
  if (given(input.dueDate)) body.dueDate = checkDate(input.dueDate, 'input.dueDate');
  if (given(input.businessStartDate))
    body.businessStartDate = checkDate(input.businessStartDate, 'input.businessStartDate');
  if (given(input.businessDaysOfWeek)) body.businessDaysOfWeek = toUpstreamDays(input.businessDaysOfWeek);
  if (given(input.autoClose)) body.autoClose = input.autoClose;
  if (given(input.certAutoApprove)) body.certAutoApprove = input.certAutoApprove;
  if (given(input.relativeDates)) body.relativeDates = input.relativeDates;
  return { ...body, root: toUpstreamGroup(input.root, 'input.root', 1, { nodes: 0 }) };
}

function toUpstreamDays(days: readonly DayOfWeek[]): string[] {
  const seen = new Set<DayOfWeek>();
  return days.map((day, index) => {
    const field = `input.businessDaysOfWeek.${index}`;
    if (day === 'UNKNOWN') throw inputRefusal(field, 'is UNKNOWN, which is not a day');
    if (seen.has(day)) throw inputRefusal(field, `repeats ${day}`);
    seen.add(day);
    return day.toLowerCase();
  });
}

function countNode(counter: { nodes: number }, field: string): void {
  counter.nodes += 1;
  if (counter.nodes > MAX_PROCESS_TREE_NODES)
    throw inputRefusal(field, `is past the limit of ${MAX_PROCESS_TREE_NODES} groups and jobs in one process`);
}

function toUpstreamGroup(
  group: ProcessGroupInput,
  path: string,
  depth: number,
  counter: { nodes: number },
): UpstreamProcessGroupCreate {
  if (depth > MAX_PROCESS_TREE_DEPTH)
    throw inputRefusal(path, `is nested deeper than ${MAX_PROCESS_TREE_DEPTH} group levels`);
  countNode(counter, path);
  return {
    name: checkName(group.name, `${path}.name`),
    parallel: group.parallel ?? false,
    readOnly: false,
    triggerType: 'whenEligible',
    children: group.children.map((child, index) => toUpstreamNode(child, `${path}.children.${index}`, depth, counter)),
  };
}

function toUpstreamNode(
  node: ProcessNodeInput,
  path: string,
  depth: number,
  counter: { nodes: number },
): UpstreamProcessNodeCreate {
  const hasJob = given(node.job);
  if (hasJob === given(node.group))
    throw inputRefusal(path, `must set exactly one of job or group (got ${hasJob ? 'both' : 'none'})`);
  if (given(node.group))
    return { type: 'group', group: toUpstreamGroup(node.group, `${path}.group`, depth + 1, counter) };
  const job = node.job!;
  const at = `${path}.job`;
  countNode(counter, at);
  return {
    type: 'job',
    job: {
      action: upstreamAction(job.action, `${at}.action`),
      triggerType: 'whenEligible',
      arguments: toUpstreamJobArguments(job.action, job.arguments, at),
      ...(given(job.name) && { name: checkName(job.name, `${at}.name`) }),
    },
  };
}
