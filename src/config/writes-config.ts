// Mutations: the write budget (see docs/limits.md).
import { ConfigError } from './config-error';
import type { IntegerReader } from './live-config';

type Env = Record<string, string | undefined>;

/** config.ts's readBoolean, passed in for the same reason as IntegerReader. */
export type BooleanReader = (env: Env, name: string, fallback: boolean) => boolean;

export interface WritesConfig {
  /** MAX_WRITES_PER_OPERATION: most mutation fields (upstream writes) one operation may have; never above the call budget. */
  maxWritesPerOperation: number;
}

const DEFAULT_MAX_WRITES = 25;

export function loadWritesConfig(env: Env, readInteger: IntegerReader, _readBoolean: BooleanReader, maxUpstreamCallsPerOperation: number): WritesConfig {
  const maxWritesPerOperation = readInteger(env, 'MAX_WRITES_PER_OPERATION', Math.min(DEFAULT_MAX_WRITES, maxUpstreamCallsPerOperation), 1, 10_000);
  // Each write is one upstream call: a budget above the call budget would fail mid-operation, after some writes.
  if (maxWritesPerOperation > maxUpstreamCallsPerOperation) {
    throw new ConfigError(
      'MAX_WRITES_PER_OPERATION',
      `must be at most MAX_UPSTREAM_CALLS_PER_OPERATION (${maxUpstreamCallsPerOperation}), got ${maxWritesPerOperation}`,
    );
  }
  return { maxWritesPerOperation };
}
