import type { StatusCountParent } from '../parents';

/** The upstream map `{ "Completed": 1 }` → `[{ status, count }]`, in upstream key order. */
export function statusCountList(counts: Record<string, number> | undefined | null): StatusCountParent[] {
  if (!counts || typeof counts !== 'object') return [];
  return Object.entries(counts).map(([status, count]) => ({ status, count }));
}
