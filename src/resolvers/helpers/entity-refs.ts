import type { ResolversTypes, ResolversUnionTypes } from '../../generated/resolvers-types';
import type { UpstreamDriftReporter } from '../../upstream/upstream-drift';
import type { UpstreamPrincipalRef } from '../../upstream/types';
import type { EntityRef } from '../parents';
import { UPSTREAM_GUESSES } from '../../upstream/upstream-guesses';

type AssigneeParent = ResolversUnionTypes<ResolversTypes>['Assignee'];

/** A plain id → `{ id }` for an entity another subgraph owns; anything else → null. */
export function toEntityRef(id: unknown): EntityRef | null {
  return typeof id === 'string' && id.length > 0 ? { id } : null;
}

export const toDocument = toEntityRef;

/** A user reference as the upstream sends it: `{ id, type: "user" }` or a plain id string. */
export function toUserRef(ref: UpstreamPrincipalRef | undefined): EntityRef | null {
  if (typeof ref === 'string') return toEntityRef(ref);
  return toEntityRef(ref?.id);
}

// Assignees are users today; a reference of another `type` is kept whole rather than mistaken for a user.
export function toAssignee(ref: unknown, drift: UpstreamDriftReporter): AssigneeParent | null {
  if (ref === undefined || ref === null) return null;
  if (typeof ref === 'string') return ref.length > 0 ? { __typename: 'User', id: ref } : null;
  if (typeof ref !== 'object') return null;
  const { id, type } = ref as { id?: unknown; type?: unknown };
  if ((type === undefined || type === UPSTREAM_GUESSES.userRefObject.type) && typeof id === 'string')
    return { __typename: 'User', id };
  const typeName = typeof type === 'string' ? type : 'unknown';
  drift.report('assignee', 'Assignee', typeName);
  return { __typename: 'UnknownAssignee', type: typeName, upstreamId: typeof id === 'string' ? id : null, raw: ref };
}
