import type { AssigneeResolvers } from '../generated/resolvers-types';

// Members carry their __typename (helpers/entity-refs.ts#toAssignee sets it).
export const Assignee: AssigneeResolvers = {
  __resolveType: (parent) => parent.__typename,
};
