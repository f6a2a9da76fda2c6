/**
 * Union members tagged with their GraphQL type instead of copied. `{ ...job, __typename }` copied every key of every
 * node of a tree, a large share of a big run's CPU (docs/decisions/performance-history.md, issue 13). The tag is a symbol-keyed property on the member itself (often the upstream object): JSON.stringify,
 * Object.keys and for…in skip it, so `raw`, live diffs, Redis snapshots and logs are what they were; a spread,
 * `Object.assign` or jest's `toEqual` would see it. A WeakMap beside the objects measured slower (its set, and the
 * ephemerons it gives the GC).
 */
export interface UnionMembers<Typename extends string> {
  /**
   * `value` as the member `typename`. The `__typename` in the returned type only satisfies the generated union
   * types: it is never read (an upstream object may carry a `__typename` key of its own); `typenameOf` is the answer.
   */
  tag<T extends object, N extends Typename>(value: T, typename: N): T & { __typename: N };
  /** For `__resolveType`. A member that was not tagged is a gateway bug, reported as one rather than guessed. */
  typenameOf(parent: object): Typename;
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
    typenameOf(parent: object): Typename {
      const typename = (parent as Tagged)[key];
      if (typename === undefined) throw new Error(`${union}: a member reached __resolveType without its type tag`);
      return typename;
    },
  };
}
