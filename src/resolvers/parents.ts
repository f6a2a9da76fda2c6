// Parent shapes for GraphQL types that are not a whole upstream object (codegen mappers).
import type { UpstreamRunNodeWrapper, UpstreamTaskArgs, UpstreamTaskMetadata } from '../upstream/types';

/** A reference to an entity another subgraph owns: all this gateway knows is the id. */
export interface EntityRef {
  id: string;
}

export interface UnknownRunNodeParent {
  type: string;
  raw: UpstreamRunNodeWrapper;
}

export interface StatusCountParent {
  status: string;
  count: number;
}

export interface UnknownAssigneeParent {
  type: string;
  upstreamId: string | null;
  raw: unknown;
}

/** The inner object of an `arguments` variant, e.g. the value of `sendTaskArgs`. */
export interface TaskArgumentsParent {
  __typename?: string;
  value: UpstreamTaskArgs;
}

/** The inner object of a `metadata` variant, e.g. the value of `sendTaskMetadata`. */
export interface TaskMetadataParent {
  __typename?: string;
  value: UpstreamTaskMetadata;
}

export interface UnknownVariantParent {
  type: string;
  raw: unknown;
}
