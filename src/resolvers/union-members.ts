/**
 * Union members that are upstream objects, tagged with their GraphQL type without being copied. `{ ...job,
 * __typename }` copies every key of every node of a tree: on a 2,000-job run that copy and its garbage were ~18 % of
 * the operation's CPU (bench/README.md, issue 13). The tag lives beside the object, so the upstream JSON stays as it
 * came (a run is shared by live subscribers and serialised into `raw` and Redis snapshots).
 */
export interface UnionMembers<Typename extends string> {
  /** `value` as the member `typename`. The `__typename` in the type is read only through `typenameOf`. */
  tag<T extends object, N extends Typename>(value: T, typename: N): T & { __typename: N };
  /** For `__resolveType`: the tag, else the `__typename` of a member built as a plain object (the Unknown ones). */
  typenameOf<N extends Typename>(parent: { __typename: N }): N;
}

/** One per union, so an object that were a member of two unions could not pick up the other's type. */
export function unionMembers<Typename extends string>(): UnionMembers<Typename> {
  const tags = new WeakMap<object, Typename>();
  return {
    tag<T extends object, N extends Typename>(value: T, typename: N): T & { __typename: N } {
      tags.set(value, typename);
      return value as T & { __typename: N };
    },
    typenameOf<N extends Typename>(parent: { __typename: N }): N {
      return (tags.get(parent) as N | undefined) ?? parent.__typename;
    },
  };
}
