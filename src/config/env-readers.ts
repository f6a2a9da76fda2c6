import { ConfigError } from './config-error';

// The one set of environment readers every config/ parser uses. Bounds are named ({ min, max, default }), so a
// reader call says which number is which. A blank value counts as unset.

export type Env = Record<string, string | undefined>;

export interface IntegerBounds {
  min: number;
  max: number;
  default: number;
}

export function readString(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readInteger(env: Env, name: string, { min, max, default: fallback }: IntegerBounds): number {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be from ${min} to ${max}, got ${value}`);
  return value;
}

export function readBoolean(env: Env, name: string, { default: fallback }: { default: boolean }): boolean {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

export function readChoice<T extends string>(env: Env, name: string, { choices, default: fallback }: { choices: readonly T[]; default: T }): T {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${choices.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}
