// Tolerant readers for optional upstream fields: a value of the wrong type becomes null instead of a field error.

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function booleanOrNull(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

export function integerOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

export function objectOrNull<T>(value: unknown): T | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : null;
}
