import type { Logger } from 'pino';
import { UpstreamError } from '../../errors/upstream-failure';
import { processPath } from '../process-id';
import { processRunPath } from '../process-run-id';
import { ttlForAnswer, ttlForFailure, type CachedEndpoint, type CacheTtls } from './cache-policy';
import type { CachedAnswer, CacheNotice, CacheTier } from './cached-answer';
import type { CallerHashes } from '../../identity/caller-hashes';
import { Doorkeeper } from './doorkeeper';
import { InflightCalls } from './inflight-calls';
import { LocalAnswerTier } from './local-answer-tier';
import type { SharedAnswerTier } from './shared-answer-tier';
import type { WrittenTargets } from './written-targets';

/** What the cache reports to metrics (src/observability/cache-metrics.ts). */
export interface CacheEvents {
  lookup?(tier: 'local' | 'redis', endpoint: CachedEndpoint, hit: boolean): void;
  coalesced?(endpoint: CachedEndpoint): void;
  evicted?(tier: 'local'): void;
}

export interface UpstreamCacheOptions {
  ttls: CacheTtls;
  maxBytes: number;
  /** Derives each read's credential scope (cacheScope). */
  callerHashes: CallerHashes;
  /** The Redis tier, or null (no REDIS_URL, or scopes that differ per process). */
  shared?: SharedAnswerTier | null;
  events?: CacheEvents;
  logger: Logger;
  /** UPSTREAM_COALESCING; default true. */
  coalesce?: boolean;
}

export interface CachedRead {
  endpoint: CachedEndpoint;
  /** Path and query as sent: with the scope, the key. */
  path: string;
  callerAuthorization: string | null;
  /** 'live': a poll loop, which must see the upstream (no lookup) and whose answer then serves reads. */
  source: 'upstream' | 'live';
  /** Told where the answer came from and how old it is (the opt-in `extensions.cache`). */
  notice?: (notice: CacheNotice) => void;
  /** Asked only before this read starts an upstream call (never on a hit or a join): a throw refuses this read alone. */
  admit?: () => Promise<void>;
}

/** A run state another replica's live loop polled and relayed through Redis (src/live/shared-loop.ts). */
export interface RelayedRun {
  /** Path and query as a read of it sends them: with the scope, the key. */
  path: string;
  callerAuthorization: string | null;
  body: unknown;
  /** Bytes of its JSON: what the byte bound counts. */
  bytes: number;
  /** Wall-clock ms when the polling replica's request went out, and when the upstream answered it. */
  requestedAt: number;
  answeredAt: number;
}

/** A 2xx answer as the client read it: the body parsed, and its text (for the byte count and the Redis tier). */
export interface FetchedAnswer {
  status: number;
  body: unknown;
  text: string;
}

// Runs whose invalidation time is kept for relayed states; past it, the oldest forgotten raises a floor instead.
const INVALIDATED_RUNS_REMEMBERED = 10_000;

// One separator that never occurs in a scope (base64url or a word) and begins every path.
const keyOf = (scope: string, path: string): string => `${scope} GET ${path}`;

/**
 * Coalescing and the credential-scoped cache of upstream GET answers (docs/caching.md). A read looks in the local
 * tier, then the Redis tier (runs only), then joins an identical call in flight or makes it. Writes invalidate
 * before their answer goes out.
 */
export class UpstreamCache {
  private readonly local: LocalAnswerTier;
  private readonly inflight = new InflightCalls<CachedAnswer>();
  /** Keeps answers of keys asked for only once out of the local tier. */
  private readonly doorkeeper = new Doorkeeper();
  /** Counts invalidations: an answer read from Redis while one happened is served but not kept locally. */
  private invalidations = 0;
  /** Wall-clock ms of the last invalidation here of each run path (no query), for relayed states; oldest first. */
  private readonly runInvalidatedAt = new Map<string, number>();
  /** Every run counts as invalidated at this time (forgetEverything, or a run pushed out of the map above). */
  private invalidatedFloor = 0;

  constructor(private readonly options: UpstreamCacheOptions) {
    this.local = new LocalAnswerTier(options.maxBytes, { evicted: () => options.events?.evicted?.('local') });
    options.shared?.onRemoteInvalidation((invalidation) => {
      if (invalidation.kind === 'everything') this.forgetEverything();
      else this.forgetLocally(invalidation.scope, invalidation.targets);
    });
  }

  get enabled(): boolean {
    return this.options.ttls.ttlMs > 0;
  }

  /** Bytes of upstream JSON the local tier holds (with per-entry overhead), by endpoint. */
  get localBytesByEndpoint(): ReadonlyMap<string, number> {
    return this.local.bytesByEndpoint;
  }

  async read(read: CachedRead, fetch: () => Promise<FetchedAnswer>): Promise<{ status: number; body: unknown }> {
    if (!this.enabled && this.options.coalesce === false) return this.readUncached(read, fetch);
    const scope = this.options.callerHashes.cacheScope(read.callerAuthorization);
    const key = keyOf(scope, read.path);
    if (this.enabled && read.source === 'upstream') {
      const cached = await this.lookup(scope, key, read);
      if (cached) return served(cached.answer, cached.tier, read);
    }
    if (this.options.coalesce === false) return this.readAlone(scope, key, read, fetch);
    const joined = this.inflight.joinable(key);
    if (joined) return this.join(joined, read);
    if (read.admit) {
      // Before the in-flight entry exists, so a refusal (the caller's own budget) is never shared with joiners.
      await read.admit();
      const startedMeanwhile = this.inflight.joinable(key);
      if (startedMeanwhile) return this.join(startedMeanwhile, read);
    }
    const answer = await this.inflight.start(key, (detached) => this.fetchAndStore(scope, key, read, fetch, detached));
    return served(answer, 'upstream', read);
  }

  /** Coalescing off: every read makes its own call; any invalidation meanwhile keeps its answer out of the cache. */
  private async readAlone(
    scope: string,
    key: string,
    read: CachedRead,
    fetch: () => Promise<FetchedAnswer>,
  ): Promise<{ status: number; body: unknown }> {
    await read.admit?.();
    const invalidationsBefore = this.invalidations;
    const answer = await this.fetchAndStore(scope, key, read, fetch, () => this.invalidations !== invalidationsBefore);
    return served(answer, 'upstream', read);
  }

  /** Cache and coalescing both off: the call goes out as it would without them, at no cost of theirs. */
  private async readUncached(
    read: CachedRead,
    fetch: () => Promise<FetchedAnswer>,
  ): Promise<{ status: number; body: unknown }> {
    await read.admit?.();
    const requestedAt = Date.now();
    const { status, body } = await fetch();
    read.notice?.({ tier: 'upstream', ageMs: 0, requestedAt });
    return { status, body };
  }

  private async join(joined: Promise<CachedAnswer>, read: CachedRead): Promise<{ status: number; body: unknown }> {
    this.options.events?.coalesced?.(read.endpoint);
    return served(await joined, 'upstream', read);
  }

  /**
   * Forgets what a write by this credential touched: the run, the process (every process when only the run is
   * known: a process embeds its current run) and every list page; with Redis, on every replica, before resolving.
   */
  async invalidate(callerAuthorization: string | null, targets: WrittenTargets): Promise<void> {
    const scope = this.options.callerHashes.cacheScope(callerAuthorization);
    this.forgetLocally(scope, targets);
    await this.options.shared?.invalidate(scope, targets);
  }

  /**
   * Keeps a run state another replica's live loop polled, as this replica's own loop would have: same key, source
   * 'live', aged from that poll (never served past its TTL from the upstream's answer). Not kept when past its TTL,
   * older than what is held, or requested before this replica last forgot the run (it may predate that write).
   */
  keepRelayedRun(relayed: RelayedRun): boolean {
    if (!this.enabled) return false;
    const ttlMs = ttlForAnswer('getProcessRun', relayed.body, this.options.ttls);
    const remainingMs = relayed.answeredAt + ttlMs - Date.now();
    if (remainingMs <= 0 || relayed.requestedAt <= this.invalidatedAt(relayed.path)) return false;
    const key = keyOf(this.options.callerHashes.cacheScope(relayed.callerAuthorization), relayed.path);
    const held = this.local.peek(key);
    if (held && held.storedAt >= relayed.answeredAt) return false;
    const { body, bytes, requestedAt, answeredAt } = relayed;
    this.local.set(key, { status: 200, body, storedAt: answeredAt, requestedAt, bytes, source: 'live' }, remainingMs);
    return true;
  }

  async close(): Promise<void> {
    await this.options.shared?.close();
  }

  /** When this replica last forgot the run of `path` (either variant): a state requested by then may predate a write. */
  private invalidatedAt(path: string): number {
    const runPath = path.split('?', 1)[0]!;
    return Math.max(this.invalidatedFloor, this.runInvalidatedAt.get(runPath) ?? 0);
  }

  private rememberInvalidation(runPath: string): void {
    this.runInvalidatedAt.delete(runPath);
    this.runInvalidatedAt.set(runPath, Date.now());
    if (this.runInvalidatedAt.size <= INVALIDATED_RUNS_REMEMBERED) return;
    const [oldest, at] = this.runInvalidatedAt.entries().next().value!;
    this.runInvalidatedAt.delete(oldest);
    this.invalidatedFloor = Math.max(this.invalidatedFloor, at);
  }

  private async lookup(
    scope: string,
    key: string,
    read: CachedRead,
  ): Promise<{ answer: CachedAnswer; tier: CacheTier } | null> {
    const { events, shared } = this.options;
    const local = this.local.get(key);
    events?.lookup?.('local', read.endpoint, local !== undefined);
    if (local) return { answer: local, tier: local.source === 'live' ? 'live' : 'local' };
    if (!shared?.usable || read.endpoint !== 'getProcessRun') return null;
    const invalidationsBefore = this.invalidations;
    const remote = await shared.get(scope, read.path);
    const remainingMs = remote ? remote.storedAt + ttlOf(remote, read.endpoint, this.options.ttls) - Date.now() : 0;
    events?.lookup?.('redis', read.endpoint, remote !== null && remainingMs > 0);
    if (!remote || remainingMs <= 0) return null;
    if (this.invalidations === invalidationsBefore) this.local.set(key, remote, remainingMs);
    return { answer: remote, tier: 'redis' };
  }

  private async fetchAndStore(
    scope: string,
    key: string,
    read: CachedRead,
    fetch: () => Promise<FetchedAnswer>,
    detached: () => boolean,
  ): Promise<CachedAnswer> {
    const { ttls, shared } = this.options;
    let answer: CachedAnswer;
    let text: string;
    let ttlMs: number;
    const requestedAt = Date.now();
    try {
      const fetched = await fetch();
      text = fetched.text;
      answer = {
        status: fetched.status,
        body: fetched.body,
        storedAt: Date.now(),
        requestedAt,
        bytes: Buffer.byteLength(text),
        source: read.source,
      };
      ttlMs = ttlForAnswer(read.endpoint, fetched.body, ttls);
    } catch (error) {
      const status = error instanceof UpstreamError && error.failure.kind === 'http' ? error.failure.status : null;
      const failureTtl = ttlForFailure(status, ttls);
      if (failureTtl > 0 && !detached() && error instanceof UpstreamError) {
        text = JSON.stringify(error.failure);
        const negative: CachedAnswer = {
          status: 404,
          body: null,
          failure: error.failure,
          storedAt: Date.now(),
          requestedAt,
          bytes: text.length,
          source: read.source,
        };
        if (this.admitsLocally(key, read)) this.local.set(key, negative, failureTtl);
        if (shared?.usable && read.endpoint === 'getProcessRun')
          shared.set(scope, read.path, negative, 'null', failureTtl);
      }
      throw error;
    }
    // An answer that may predate a write is handed to its waiters but never stored.
    if (ttlMs > 0 && !detached()) {
      if (this.admitsLocally(key, read)) this.local.set(key, answer, ttlMs);
      if (shared?.usable && read.endpoint === 'getProcessRun') shared.set(scope, read.path, answer, text, ttlMs);
    }
    return answer;
  }

  /**
   * A live loop's answer serves its subscribers' reads, so it is always kept; a read's answer only when its key was
   * asked for recently before (a one-off read would only cost the heap and GC). The Redis tier still gets every answer:
   * another replica may read it.
   */
  private admitsLocally(key: string, read: CachedRead): boolean {
    return read.source === 'live' || this.doorkeeper.admits(key);
  }

  /** Invalidations from other replicas may have been missed (Redis was away): nothing local can be trusted. */
  private forgetEverything(): void {
    this.invalidations++;
    this.invalidatedFloor = Date.now();
    this.runInvalidatedAt.clear();
    this.inflight.detachWhere(() => true);
    this.local.clear();
  }

  /** scope null: every credential's copy (a replica that cannot derive the writer's scope). */
  private forgetLocally(scope: string | null, { processRunId, processId }: WrittenTargets): void {
    this.invalidations++;
    if (processRunId !== undefined) this.rememberInvalidation(processRunPath(processRunId));
    const exact = new Set<string>();
    for (const variant of ['', '?excludeGeneratedJobs=true']) {
      if (processRunId !== undefined) exact.add(`GET ${processRunPath(processRunId)}${variant}`);
      if (processId !== undefined) exact.add(`GET ${processPath(processId)}${variant}`);
    }
    const everyProcess = processId === undefined && processRunId !== undefined;
    const touched = (key: string): boolean => {
      const space = key.indexOf(' ');
      if (scope !== null && key.slice(0, space) !== scope) return false;
      const request = key.slice(space + 1);
      return (
        exact.has(request) ||
        request.startsWith('GET /processes?') ||
        (everyProcess && request.startsWith('GET /processes/'))
      );
    };
    this.inflight.detachWhere(touched);
    this.local.deleteWhere(touched);
  }
}

function ttlOf(answer: CachedAnswer, endpoint: CachedEndpoint, ttls: CacheTtls): number {
  return answer.failure ? ttlForFailure(answer.status, ttls) : ttlForAnswer(endpoint, answer.body, ttls);
}

function served(answer: CachedAnswer, tier: CacheTier, read: CachedRead): { status: number; body: unknown } {
  read.notice?.({
    tier,
    ageMs: tier === 'upstream' ? 0 : Math.max(0, Date.now() - answer.storedAt),
    requestedAt: answer.requestedAt ?? answer.storedAt,
  });
  if (answer.failure) throw new UpstreamError(answer.failure);
  return answer;
}
