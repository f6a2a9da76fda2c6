import { ConfigError } from './config-error';
import { readFileSync } from 'node:fs';

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

export function readChoice<T extends string>(
  env: Env,
  name: string,
  { choices, default: fallback }: { choices: readonly T[]; default: T },
): T {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${choices.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

export interface SecretFile {
  fileName: string;
  path: string | undefined;
}

/** A secret from `name` or from the file named by its `_FILE` variable (as container secrets are mounted), never both. */
export function readSecret(env: Env, name: string, file: SecretFile): string | undefined {
  const direct = readString(env, name);
  if (direct !== undefined && file.path !== undefined)
    throw new ConfigError(file.fileName, `must not be set together with ${name}`);
  if (file.path === undefined) return direct;
  try {
    const content = readFileSync(file.path, 'utf8').trim();
    return content === '' ? undefined : content;
  } catch (error) {
    throw new ConfigError(
      file.fileName,
      `names a file that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${file.path}`,
    );
  }
}

/**
 * A comma list of keys (readSecret), the first one current (it signs), all of them accepted (rotation without
 * breaking what the previous key signed). Each key is at least `minLength` characters.
 */
export function readSecretList(env: Env, name: string, file: SecretFile, minLength: number): string[] | null {
  const raw = readSecret(env, name, file);
  if (raw === undefined) return null;
  const keys = raw.split(',').map((key) => key.trim());
  // The key itself never goes into the message: only its position.
  keys.forEach((key, index) => {
    const which = keys.length === 1 ? '' : ` (key ${index + 1})`;
    if (key.length < minLength)
      throw new ConfigError(
        file.path === undefined ? name : file.fileName,
        `must be at least ${minLength} characters${which}`,
      );
  });
  return keys;
}
