import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../resolver-context';
import { processRunShapeProblem } from '../../upstream/process-run-shape';
import type { UpstreamProcess } from '../../upstream/process-types';
import type { UpstreamProcessRun } from '../../upstream/types';
import { UPSTREAM_GUESSES } from '../../upstream/upstream-guesses';
import { selectedFieldNames } from './selection';

// ProcessRun fields whose upstream key differs from the field name (jobs are read from the tree).
const UPSTREAM_KEY: Record<string, string> = { jobs: 'root' };

/** The run a process body carries: under `run` [guess], or `processRun` in case the guess is off by that much. */
export function embeddedRunOf(process: UpstreamProcess): unknown {
  for (const key of UPSTREAM_GUESSES.listRunKey.keys)
    if (process[key] !== undefined && process[key] !== null) return process[key];
  return null;
}

/**
 * `Process.run`. A whole embedded run is used as it is; a plain id or a partial run is used as long as it has
 * every field the query selects, and otherwise the run is fetched through the `processRun` loader (deduped,
 * counted in the call budget). Anything else under the key is drift: null, logged, counted.
 */
export function resolveCurrentRun(
  process: UpstreamProcess,
  excludeGeneratedJobs: boolean,
  context: GatewayContext,
  info: GraphQLResolveInfo,
): UpstreamProcessRun | Promise<UpstreamProcessRun> | null {
  const embedded = embeddedRunOf(process);
  if (embedded === null) return null;
  const partial = typeof embedded === 'string' ? { id: embedded } : embedded;
  if (typeof partial !== 'object' || Array.isArray(partial) || typeof (partial as { id?: unknown }).id !== 'string') {
    context.drift.report('embedded-run', 'Process.run', Array.isArray(partial) ? 'array' : typeof partial);
    return null;
  }
  const run = partial as { id: string } & Record<string, unknown>;
  if (processRunShapeProblem(run) === null) return run as unknown as UpstreamProcessRun;
  const covered = [...selectedFieldNames(info)].every((field) => Object.hasOwn(run, UPSTREAM_KEY[field] ?? field));
  // Only fields the partial run holds are read from it, so the cast does not reach a missing field.
  if (covered) return run as unknown as UpstreamProcessRun;
  return context.loaders.processRun.load({ id: run.id, excludeGeneratedJobs });
}
