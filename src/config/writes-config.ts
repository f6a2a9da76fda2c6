// Mutations: the write budget and idempotency keys (see docs/mutations.md).
import { ConfigError } from './config-error';
import { readBoolean, readInteger, readString, type Env } from './env-readers';

export interface WritesConfig {
  /** MAX_WRITES_PER_OPERATION: most mutation fields (upstream writes) one operation may have; never above the call budget. */
  maxWritesPerOperation: number;
  idempotency: IdempotencyConfig;
}

export interface IdempotencyConfig {
  /** IDEMPOTENCY_TTL_MS: how long a key and its answer are kept. */
  ttlMs: number;
  /** IDEMPOTENCY_MAX_ENTRIES: keys kept in memory without REDIS_URL; the oldest is evicted first. */
  maxEntries: number;
  /** IDEMPOTENCY_MAX_BYTES: bytes of kept answers in memory without REDIS_URL; the oldest is evicted first. */
  maxBytes: number;
  /** IDEMPOTENCY_REQUIRED: every mutation must carry an Idempotency-Key. */
  required: boolean;
  /** IDEMPOTENCY_SECRET: the key of the caller-identity HMAC; null → random per process (memory) or unkeyed (Redis). */
  secret: string | null;
}

const DEFAULT_MAX_WRITES = 25;

export function loadWritesConfig(env: Env, maxUpstreamCallsPerOperation: number): WritesConfig {
  const maxWritesPerOperation = readInteger(env, 'MAX_WRITES_PER_OPERATION', {
    min: 1,
    max: 10_000,
    default: Math.min(DEFAULT_MAX_WRITES, maxUpstreamCallsPerOperation),
  });
  // Each write is one upstream call: a budget above the call budget would fail mid-operation, after some writes.
  if (maxWritesPerOperation > maxUpstreamCallsPerOperation) {
    throw new ConfigError(
      'MAX_WRITES_PER_OPERATION',
      `must be at most MAX_UPSTREAM_CALLS_PER_OPERATION (${maxUpstreamCallsPerOperation}), got ${maxWritesPerOperation}`,
    );
  }
  return {
    maxWritesPerOperation,
    idempotency: {
      ttlMs: readInteger(env, 'IDEMPOTENCY_TTL_MS', {
        min: 1_000,
        max: 30 * 24 * 60 * 60 * 1000,
        default: 24 * 60 * 60 * 1000,
      }),
      maxEntries: readInteger(env, 'IDEMPOTENCY_MAX_ENTRIES', { min: 1, max: 10_000_000, default: 10_000 }),
      maxBytes: readInteger(env, 'IDEMPOTENCY_MAX_BYTES', {
        min: 1024,
        max: 16 * 1024 * 1024 * 1024,
        default: 64 * 1024 * 1024,
      }),
      required: readBoolean(env, 'IDEMPOTENCY_REQUIRED', { default: false }),
      secret: readIdempotencySecret(env),
    },
  };
}

function readIdempotencySecret(env: Env): string | null {
  const secret = readString(env, 'IDEMPOTENCY_SECRET');
  if (!secret) return null;
  // As LIVE_CREDENTIAL_SECRET: short enough to guess would let anyone holding a Redis dump confirm a guessed token.
  if (secret.length < 32) throw new ConfigError('IDEMPOTENCY_SECRET', 'must be at least 32 characters');
  return secret;
}
