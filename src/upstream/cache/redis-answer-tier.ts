import { createHash, randomUUID } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { Logger } from 'pino';
import type { RedisConnection } from '../../redis/redis-connection';
import { processRunPath } from '../process-run-id';
import type { CachedAnswer } from './cached-answer';
import type { RemoteInvalidation, SharedAnswerTier } from './shared-answer-tier';
import type { WrittenTargets } from './written-targets';

const CHANNEL = 'upstream-cache:invalidate';
// From this size a value is stored brotli-compressed (bench/redis-compression.js: a 1 MB run shrinks ~28×, and
// compressing plus decompressing it costs less than moving it raw even over loopback; a 2 KB run gains nothing).
const COMPRESS_FROM_BYTES = 8 * 1024;
// Begins every compressed value; a raw value (an envelope) begins with "{". Older replicas read it as a miss.
const COMPRESSED = Buffer.from('br1:');

interface InvalidationMessage {
  from: string;
  scope: string;
  targets: WrittenTargets;
}

/**
 * The tier replicas share through Redis: process runs only (the answers dashboards re-read), under
 * `<REDIS_KEY_PREFIX>uc:<credential HMAC>:<SHA-256 of the path>` with a PX expiry. The value is the body as the
 * upstream sent it inside a small envelope, brotli-compressed from 8 KiB; no token or credential is in any key or
 * value.
 * Writes delete the run's keys and publish the invalidation so every replica's local tier forgets the same.
 */
export class RedisAnswerTier implements SharedAnswerTier {
  private readonly replica = randomUUID();
  private readonly listeners: Array<(invalidation: RemoteInvalidation) => void> = [];
  private subscribed = false;

  /** storeAnswers false: replicas derive different credential scopes, so only invalidations go through Redis. */
  constructor(
    private readonly connection: RedisConnection,
    private readonly logger: Logger,
    private readonly options: { storeAnswers: boolean },
  ) {}

  get usable(): boolean {
    return this.options.storeAnswers && this.connection.state === 'up';
  }

  async get(scope: string, path: string): Promise<CachedAnswer | null> {
    try {
      const value = await this.connection.client.getBuffer(keyOf(scope, path));
      return value === null ? null : parseEnvelope(decoded(value));
    } catch (error) {
      this.logger.debug({ err: error }, 'upstream cache: redis lookup failed, asking the upstream');
      return null;
    }
  }

  set(scope: string, path: string, answer: CachedAnswer, text: string, ttlMs: number): void {
    const failure = answer.failure ? JSON.stringify(answer.failure) : 'null';
    const value = `{"s":${answer.status},"t":${answer.storedAt},"src":"${answer.source}","f":${failure},"b":${text === '' ? 'null' : text}}`;
    // Compressed synchronously: this SET must still leave before any later invalidation's DEL (onRemoteInvalidation).
    this.connection.client
      .set(keyOf(scope, path), encoded(value), 'PX', Math.max(1, Math.round(ttlMs)))
      .catch((error: unknown) => {
        this.logger.debug({ err: error }, 'upstream cache: redis store failed');
      });
  }

  async invalidate(scope: string, targets: WrittenTargets): Promise<void> {
    if (this.connection.state !== 'up') return;
    const message: InvalidationMessage = { from: this.replica, scope, targets };
    const pipeline = this.connection.client.pipeline();
    const keys = this.runKeys(scope, targets);
    if (keys.length > 0) pipeline.del(...keys);
    pipeline.publish(this.connection.channel(CHANNEL), JSON.stringify(message));
    try {
      await pipeline.exec();
    } catch (error) {
      this.logger.warn(
        { err: error },
        'upstream cache: invalidation through redis failed; other replicas may serve the old answer until its TTL',
      );
    }
  }

  onRemoteInvalidation(listener: (invalidation: RemoteInvalidation) => void): void {
    this.listeners.push(listener);
    if (this.subscribed) return;
    this.subscribed = true;
    const subscriber = this.connection.subscriber();
    const channel = this.connection.channel(CHANNEL);
    subscriber.on('message', (from: string, text: string) => {
      if (from !== channel) return;
      let message: InvalidationMessage;
      try {
        message = JSON.parse(text) as InvalidationMessage;
      } catch {
        return;
      }
      if (message.from === this.replica) return;
      // A GET this replica finished just before the message may have stored the old answer after the writer's DEL;
      // this DEL follows that SET on the same connection, so it goes too.
      const keys = this.runKeys(message.scope, message.targets);
      if (keys.length > 0 && this.usable) this.connection.client.del(...keys).catch(() => undefined);
      const scope = this.options.storeAnswers ? message.scope : null;
      for (const each of this.listeners) each({ kind: 'targets', scope, targets: message.targets });
    });
    // Messages published while the subscriber was away are lost: the local tier forgets everything on its return.
    let wasReady = false;
    subscriber.on('ready', () => {
      if (wasReady) for (const each of this.listeners) each({ kind: 'everything' });
      wasReady = true;
    });
    subscriber
      .subscribe(channel)
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'upstream cache: could not subscribe to invalidations'),
      );
  }

  /** The Redis keys of a written run (both variants); none when this tier stores nothing. */
  private runKeys(scope: string, { processRunId }: WrittenTargets): string[] {
    if (!this.options.storeAnswers || processRunId === undefined) return [];
    const path = processRunPath(processRunId);
    return [keyOf(scope, path), keyOf(scope, `${path}?excludeGeneratedJobs=true`)];
  }

  async close(): Promise<void> {
    // The connection belongs to the app (closed there).
  }
}

function keyOf(scope: string, path: string): string {
  return `uc:${scope}:${createHash('sha256').update(path).digest('base64url').slice(0, 32)}`;
}

function encoded(envelope: string): string | Buffer {
  if (envelope.length < COMPRESS_FROM_BYTES) return envelope;
  const raw = Buffer.from(envelope, 'utf8');
  const compressed = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  return Buffer.concat([COMPRESSED, compressed]);
}

/** The envelope's text; a value that cannot be decompressed reads as a miss. */
function decoded(value: Buffer): string {
  if (!value.subarray(0, COMPRESSED.length).equals(COMPRESSED)) return value.toString('utf8');
  try {
    return brotliDecompressSync(value.subarray(COMPRESSED.length)).toString('utf8');
  } catch {
    return '';
  }
}

function parseEnvelope(value: string): CachedAnswer | null {
  try {
    const parsed = JSON.parse(value) as {
      s: number;
      t: number;
      src: 'upstream' | 'live';
      f: CachedAnswer['failure'] | null;
      b: unknown;
    };
    return {
      status: parsed.s,
      body: parsed.b,
      ...(parsed.f ? { failure: parsed.f } : {}),
      storedAt: parsed.t,
      bytes: value.length,
      source: parsed.src,
    };
  } catch {
    return null;
  }
}
