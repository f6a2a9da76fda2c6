import type { UpstreamProcessRun } from './types';

// Top-level fields the schema declares non-null. A body missing one is "not a process run" (UPSTREAM_BAD_RESPONSE)
// rather than a null-bubbled field error deep in the response.
const REQUIRED: ReadonlyArray<[keyof UpstreamProcessRun, 'string' | 'number' | 'boolean' | 'object' | 'array']> = [
  ['id', 'string'],
  ['name', 'string'],
  ['status', 'string'],
  ['revision', 'number'],
  ['process', 'string'],
  ['autoClose', 'boolean'],
  ['certAutoApprove', 'boolean'],
  ['relativeDates', 'boolean'],
  ['ipmBetaEnabled', 'boolean'],
  ['iwmOptOut', 'boolean'],
  ['businessDaysOfWeek', 'array'],
  ['created', 'object'],
  ['modified', 'object'],
  ['root', 'object'],
];

/** Why a parsed body is not a process run, or null when it is one. */
export function processRunShapeProblem(body: unknown): string | null {
  if (!isObject(body)) return 'the body is not a JSON object';
  for (const [field, type] of REQUIRED) {
    const value = body[field];
    const ok = type === 'array' ? Array.isArray(value) : type === 'object' ? isObject(value) : typeof value === type;
    if (!ok) return `field "${field}" is missing or not a${type === 'array' || type === 'object' ? 'n' : ''} ${type}`;
  }
  const root = body.root as Record<string, unknown>;
  if (typeof root.id !== 'string') return 'field "root.id" is missing';
  if (root.children !== undefined && !Array.isArray(root.children)) return 'field "root.children" is not an array';
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
