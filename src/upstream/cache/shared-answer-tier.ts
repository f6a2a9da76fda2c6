import type { CachedAnswer } from './cached-answer';
import type { WrittenTargets } from './written-targets';

/** A tier shared by replicas (Redis). Never throws: while it cannot answer, the local tier works alone. */
export interface SharedAnswerTier {
  /** Whether it can be asked now (connected); a lookup is skipped, not failed, when it cannot. */
  readonly usable: boolean;
  get(scope: string, path: string): Promise<CachedAnswer | null>;
  /** Fire and forget: a failed store only costs a later miss. `text` is the body as received (stored once, as is). */
  set(scope: string, path: string, answer: CachedAnswer, text: string, ttlMs: number): void;
  /** Deletes what a write touched and tells every replica; resolves once Redis answered (or failed). */
  invalidate(scope: string, targets: WrittenTargets): Promise<void>;
  /** Another replica's write: the local tier must forget the same. */
  onRemoteInvalidation(listener: (invalidation: RemoteInvalidation) => void): void;
  close(): Promise<void>;
}

/**
 * 'targets': what one write touched; scope null when replicas derive different scopes (no shared secret), so every
 * credential's copy is forgotten. 'everything': invalidations may have been missed (the subscriber reconnected).
 */
export type RemoteInvalidation =
  { kind: 'targets'; scope: string | null; targets: WrittenTargets } | { kind: 'everything' };
