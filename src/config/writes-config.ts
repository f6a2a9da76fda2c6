// Mutations: the write budget and idempotency keys (see docs/mutations.md).
import { ConfigError } from './config-error';
import type { IntegerReader } from './live-config';

type Env = Record<string, string | undefined>;

/** config.ts's readBoolean, passed in for the same reason as IntegerReader. */
export type BooleanReader = (env: Env, name: string, fallback: boolean) => boolean;

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

export function loadWritesConfig(env: Env, readInteger: IntegerReader, readBoolean: BooleanReader, maxUpstreamCallsPerOperation: number): WritesConfig {
  const maxWritesPerOperation = readInteger(env, 'MAX_WRITES_PER_OPERATION', Math.min(DEFAULT_MAX_WRITES, maxUpstreamCallsPerOperation), 1, 10_000);
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
      ttlMs: readInteger(env, 'IDEMPOTENCY_TTL_MS', 24 * 60 * 60 * 1000, 1_000, 30 * 24 * 60 * 60 * 1000),
      maxEntries: readInteger(env, 'IDEMPOTENCY_MAX_ENTRIES', 10_000, 1, 10_000_000),
      maxBytes: readInteger(env, 'IDEMPOTENCY_MAX_BYTES', 64 * 1024 * 1024, 1024, 16 * 1024 * 1024 * 1024),
      required: readBoolean(env, 'IDEMPOTENCY_REQUIRED', false),
      secret: readIdempotencySecret(env),
    },
  };
}

function readIdempotencySecret(env: Env): string | null {
  const secret = env.IDEMPOTENCY_SECRET?.trim();
  if (!secret) return null;
  // As LIVE_CREDENTIAL_SECRET: short enough to guess would let anyone holding a Redis dump confirm a guessed token.
  if (secret.length < 32) throw new ConfigError('IDEMPOTENCY_SECRET', 'must be at least 32 characters');
  return secret;
}
