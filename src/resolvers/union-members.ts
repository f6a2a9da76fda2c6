/**
 * Union members that are upstream objects, tagged with their GraphQL type without being copied. `{ ...job,
 * __typename }` copied every key of every node of a tree: on a 2,000-job run that copy and its garbage were ~16 % of
 * the operation's CPU (bench/README.md, issue 13). The tag is a symbol-keyed property, which JSON.stringify,
 * Object.keys and for…in do not see, so `raw`, live diffs and Redis snapshots of the same object are unchanged; a
 * WeakMap beside the object measured ~5 % slower on the same run (its set, and the ephemerons it gives the GC).
 */
export interface UnionMembers<Typename extends string> {
  /** `value` as the member `typename`. The `__typename` in the type is read only through `typenameOf`. */
  tag<T extends object, N extends Typename>(value: T, typename: N): T & { __typename: N };
  /** For `__resolveType`: the tag, else the `__typename` of a member built as a plain object (the Unknown ones). */
  typenameOf<N extends Typename>(parent: { __typename: N }): N;
}

/** One per union (its own symbol), so an object that were a member of two unions could not pick up the other's type. */
export function unionMembers<Typename extends string>(union: string): UnionMembers<Typename> {
  const key = Symbol(`${union} member`);
  type Tagged = { [key]?: Typename };
  return {
    tag<T extends object, N extends Typename>(value: T, typename: N): T & { __typename: N } {
      (value as Tagged)[key] = typename;
      return value as T & { __typename: N };
    },
    typenameOf<N extends Typename>(parent: { __typename: N }): N {
      return ((parent as Tagged)[key] as N | undefined) ?? parent.__typename;
    },
  };
}
