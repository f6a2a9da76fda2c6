// Redis settings (REDIS_*): unset REDIS_URL keeps every replica's state in its own memory, as a single process has it.
import type { RateLimit } from './rate-limit';
import { ConfigError } from './config-error';
import { readInteger, readString, type Env } from './env-readers';

export interface RedisConfig {
  /** Passed to ioredis as given; may carry a password, so it is never logged (see `target`). */
  url: string;
  /** host:port, safe to log. */
  target: string;
  /** REDIS_KEY_PREFIX: every key the gateway writes starts with it. */
  keyPrefix: string;
  /**
   * REDIS_FALLBACK_BUDGET_SHARE: the share of UPSTREAM_RATE_LIMIT one replica may spend while Redis is unreachable;
   * null (unset): 1 / the replica count last seen through the heartbeats.
   */
  fallbackBudgetShare: number | null;
  /** REDIS_COMMAND_TIMEOUT_MS: a hung Redis costs a request at most this before the local budget answers. */
  commandTimeoutMs: number;
}

const DEFAULT_PREFIX = 'prg:';

export function loadRedisConfig(env: Env, rateLimit: RateLimit | null): RedisConfig | null {
  const raw = readString(env, 'REDIS_URL');
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The value may hold a password: name the problem, not the value.
    throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', `must use redis: or rediss:, got "${url.protocol}"`);
  }
  if (!url.hostname) throw new ConfigError('REDIS_URL', 'must name a host');

  const keyPrefix = readString(env, 'REDIS_KEY_PREFIX') ?? DEFAULT_PREFIX;
  if (!/^[\w.:{}-]{1,64}$/.test(keyPrefix)) {
    throw new ConfigError(
      'REDIS_KEY_PREFIX',
      `must be 1 to 64 letters, digits, ".", ":", "-", "_", "{" or "}", got "${keyPrefix}"`,
    );
  }

  // Redis keeps the shared window with a whole-second expiry (rate-limiter-flexible's atomic store).
  if (rateLimit && rateLimit.windowMs % 1000 !== 0) {
    throw new ConfigError(
      'UPSTREAM_RATE_LIMIT',
      `must have a window of whole seconds when REDIS_URL is set, got ${rateLimit.windowMs} ms`,
    );
  }

  const commandTimeoutMs = readInteger(env, 'REDIS_COMMAND_TIMEOUT_MS', { min: 10, max: 60_000, default: 500 });

  return {
    url: raw,
    target: `${url.hostname}:${url.port || '6379'}`,
    keyPrefix,
    fallbackBudgetShare: optionalShare(readString(env, 'REDIS_FALLBACK_BUDGET_SHARE')),
    commandTimeoutMs,
  };
}

function optionalShare(text: string | undefined): number | null {
  return text === undefined ? null : parseShare(text);
}

/** "1/3" or "0.33" → a number in (0, 1]. */
function parseShare(text: string): number {
  const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  const value = fraction ? Number(fraction[1]) / Number(fraction[2]) : /^\d*\.?\d+$/.test(text) ? Number(text) : NaN;
  if (!(value > 0 && value <= 1)) {
    throw new ConfigError(
      'REDIS_FALLBACK_BUDGET_SHARE',
      `must be a share above 0 and at most 1, like 1/3 or 0.25, got "${text}"`,
    );
  }
  return value;
}
