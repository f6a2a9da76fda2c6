import type { AuditStampResolvers } from '../generated/resolvers-types';
import { toUserRef } from './helpers/entity-refs';

export const AuditStamp: AuditStampResolvers = {
  // Non-null in the schema: an unusable user reference is a bad upstream response, surfaced as a field error.
  user: ({ user }) => {
    const ref = toUserRef(user);
    if (!ref) throw new Error('upstream audit stamp has no user id');
    return ref;
  },
};
