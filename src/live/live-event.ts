import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
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

/** A poll loop's own request id and logger: its polls outlive the subscription that happened to start it. */
export interface LoopCall {
  requestId: string;
  logger: Logger;
  /** Told when the upstream request behind a poll's answer went out (a coalesced call may have started earlier). */
  requested?: (answer: { requestedAt: number }) => void;
}

/** A run state another replica's poll read (relayed through Redis), with that poll's wall-clock times. */
export interface RelayedRun {
  run: UpstreamProcessRun;
  /** Its JSON (the byte count). */
  json: string;
  requestedAt: number;
  polledAt: number;
}

/** Keeps a relayed state where this replica's reads of the run look (the answer cache: docs/caching.md). */
export type KeepRelayedRun = (relayed: RelayedRun) => void;

/**
 * Fetches the run with the credentials of the subscriber that started the loop, through the one upstream client:
 * as the loop's request when `loop` is given (its polls), else as the subscriber's own (a one-off read).
 */
export type FetchRun = (loop?: LoopCall) => Promise<UpstreamProcessRun>;

/** A loop's call: a fresh request id (`loop-<uuid>`) on the process logger, never a subscriber's. */
export function loopCall(rootLogger: Logger, runId: string): LoopCall {
  const requestId = `loop-${randomUUID()}`;
  return { requestId, logger: rootLogger.child({ requestId, live: { runId } }) };
}

/** A subscriber as a poll loop sees it. */
export interface RunListener {
  emit(run: UpstreamProcessRun): void;
  /** The loop ended for this listener: null after a terminal status or a shutdown, else the error that ends it. */
  end(error: GraphQLError | null): void;
}
