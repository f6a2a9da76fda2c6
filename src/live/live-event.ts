import type { GraphQLError } from 'graphql';
import type { UpstreamProcessRun } from '../upstream/types';

/** What one subscriber receives: the run (first as it is now, then each change), or the error that ends it. */
export type LiveEvent = { kind: 'run'; run: UpstreamProcessRun } | { kind: 'error'; error: GraphQLError };

/** One poll loop per key: subscribers sharing run, variant and credential share it. */
export interface PollKey {
  runId: string;
  excludeGeneratedJobs: boolean;
  /** A salted hash of the credential the upstream sees; never the credential itself. */
  credentialHash: string;
}

export function pollKeyString({ runId, excludeGeneratedJobs, credentialHash }: PollKey): string {
  return `${excludeGeneratedJobs ? 'x' : 'a'}:${credentialHash}:${runId}`;
}

/** Fetches the run with the credentials of the subscriber that started the loop, through the one upstream client. */
export type FetchRun = () => Promise<UpstreamProcessRun>;

/** A subscriber as a poll loop sees it. */
export interface RunListener {
  emit(run: UpstreamProcessRun): void;
  /** The loop ended for this listener: null after a terminal status or a shutdown, else the error that ends it. */
  end(error: GraphQLError | null): void;
}
