import type { UpstreamJobRun } from './types';
import { UPSTREAM_GUESSES } from './upstream-guesses';

// What the jobRuns write answers; a created or renamed Process goes through process-shape.ts, as for the reads.
// The jobRuns answer is not readable in the public docs: accepted as a bare array or as `{ data: [...] }`, each
// element a JobRun or a `{ type: "job", jobRun }` child wrapper.

const JOB_RUN_FIELDS: ReadonlyArray<[keyof UpstreamJobRun, 'string' | 'number' | 'boolean']> = [
  ['id', 'string'],
  ['job', 'string'],
  ['ordinal', 'number'],
  ['readOnly', 'boolean'],
  ['status', 'string'],
  ['action', 'string'],
  ['actionStatus', 'string'],
];

/** The created JobRuns, or why the body is not them. */
export function parseCreatedJobRuns(body: unknown): UpstreamJobRun[] | string {
  const list = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.data) ? body.data : null;
  if (!list) return 'neither an array nor { data: [...] }';
  const jobRuns: UpstreamJobRun[] = [];
  for (const [index, element] of list.entries()) {
    const wrapped = isObject(element) ? element[UPSTREAM_GUESSES.jobRunsAnswer.wrapperKey] : undefined;
    const jobRun = isObject(wrapped) ? wrapped : element;
    if (!isObject(jobRun)) return `element ${index} is not an object`;
    for (const [field, type] of JOB_RUN_FIELDS) {
      if (typeof jobRun[field] !== type) return `element ${index}: field "${field}" is missing or not a ${type}`;
    }
    jobRuns.push(jobRun as unknown as UpstreamJobRun);
  }
  return jobRuns;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
