import type { StatusCountResolvers } from '../generated/resolvers-types';
import type { StatusCountParent } from './parents';
import { toActionStatus } from './helpers/enums';

/** The upstream map `{ "Completed": 1 }` → `[{ status, count }]`, in upstream key order. */
export function statusCountList(counts: Record<string, number> | undefined | null): StatusCountParent[] {
  if (!counts || typeof counts !== 'object') return [];
  return Object.entries(counts).map(([status, count]) => ({ status, count }));
}

export const StatusCount: StatusCountResolvers = {
  status: ({ status }, _args, { drift }) => toActionStatus(status, drift),
  upstreamStatus: ({ status }) => status,
  count: ({ count }) => count,
};
