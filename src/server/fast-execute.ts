import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  execute as referenceExecute,
  getOperationAST,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  isObjectType,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';
import { type HeldDriftReporter, UpstreamDriftReporter } from '../upstream/upstream-drift';

// graphql-jit compiles a query to a function: less CPU per operation (measured in docs/decisions/performance-history.md).
// It does not answer every operation byte for byte like graphql-js (null items of nullable lists, error `locations`, key
// order where fragments overlap), so it runs only the operations where its answer is provably the same, and every
// answer with an error is thrown away and recomputed by graphql-js. test/http/differential.test.ts compares both.

type Execute = (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>;

/**
 * Compiling costs ~16 ms of CPU and ~145 KB per plan (about three requests' worth), so a document is compiled only
 * on its COMPILE_AFTER_USES-th execution: a client inlining literal ids, or a caller varying a comment, never makes
 * the gateway compile. Until then, and for an operation whose plan was evicted, graphql-js answers.
 */
export const COMPILE_AFTER_USES = 3;
/** Plans kept across all documents (least recently used evicted): ~30 MB at most. */
export const MAX_COMPILED_PLANS = 200;
/** Operation names tracked per document; a document with more runs its others on graphql-js. */
export const MAX_OPERATIONS_PER_DOCUMENT = 8;

/** Which path answered one operation (tests assert it, so the fast path cannot stop running unnoticed). */
export type FastPathOutcome =
  | 'fast'
  | 'fast-then-fallback'
  | 'reference-ineligible'
  | 'reference-not-yet-hot'
  | 'reference-too-many-operations'
  | 'compile-failed';

export interface FastPathStats {
  /** Operations answered per path since start. */
  answered: Record<FastPathOutcome, number>;
  /** Plans compiled (recompiles after eviction included) and evicted since start. */
  compiled: number;
  evicted: number;
  /** Plans held now (≤ MAX_COMPILED_PLANS). */
  readonly plans: number;
}

export interface FastExecute {
  execute: Execute;
  /** Live counters. */
  stats: Readonly<FastPathStats>;
}

/** One operation of one document: its verdict, and its plan once hot. */
interface Operation {
  eligible: boolean;
  /** Executions while it had no plan; reset on eviction. */
  uses: number;
  plan: CompiledQuery | null;
  compileFailed: boolean;
}

/**
 * An `execute` for useEngine: graphql-jit for eligible queries once hot, graphql-js for everything else and for
 * every answer graphql-jit returns with errors. The re-run reads through the request's loaders, whose results
 * (failures included) are cached per request, so it sends no second upstream call; mutations never reach graphql-jit.
 */
export function createFastExecute(): FastExecute {
  const answered: Record<FastPathOutcome, number> = {
    fast: 0,
    'fast-then-fallback': 0,
    'reference-ineligible': 0,
    'reference-not-yet-hot': 0,
    'reference-too-many-operations': 0,
    'compile-failed': 0,
  };
  // Insertion order is recency: the first is the least recently used plan.
  const hot = new Set<Operation>();
  const stats: FastPathStats = {
    answered,
    compiled: 0,
    evicted: 0,
    get plans() {
      return hot.size;
    },
  };
  // Yoga's parse cache hands the same DocumentNode to every request with the same text; these die with it.
  const operations = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, Operation>>>();

  const operationFor = (args: ExecutionArgs): Operation | null => {
    let bySchema = operations.get(args.schema);
    if (!bySchema) operations.set(args.schema, (bySchema = new WeakMap()));
    let byName = bySchema.get(args.document);
    if (!byName) bySchema.set(args.document, (byName = new Map()));
    const name = args.operationName ?? '';
    let operation = byName.get(name);
    if (!operation) {
      if (byName.size >= MAX_OPERATIONS_PER_DOCUMENT) return null;
      operation = {
        eligible: eligible(args.schema, args.document, args.operationName ?? undefined),
        uses: 0,
        plan: null,
        compileFailed: false,
      };
      byName.set(name, operation);
    }
    return operation;
  };

  /** The operation's plan, compiled when it turns hot; else why graphql-js answers. */
  const planFor = (operation: Operation, args: ExecutionArgs): CompiledQuery | FastPathOutcome => {
    if (operation.plan) {
      hot.delete(operation);
      hot.add(operation);
      return operation.plan;
    }
    if (!operation.eligible) return 'reference-ineligible';
    if (operation.compileFailed) return 'compile-failed';
    operation.uses += 1;
    if (operation.uses < COMPILE_AFTER_USES) return 'reference-not-yet-hot';
    const plan = compile(args);
    if (!plan) {
      operation.compileFailed = true;
      return 'compile-failed';
    }
    stats.compiled += 1;
    operation.plan = plan;
    hot.add(operation);
    if (hot.size > MAX_COMPILED_PLANS) {
      const oldest = hot.values().next().value!;
      hot.delete(oldest);
      oldest.plan = null;
      oldest.uses = 0;
      stats.evicted += 1;
    }
    return plan;
  };

  const reference = (args: ExecutionArgs, outcome: FastPathOutcome) => {
    answered[outcome] += 1;
    return referenceExecute(args);
  };
  const settle = (args: ExecutionArgs, result: ExecutionResult, drift: HeldDriftReporter | null) => {
    // Thrown away: the re-run reports the same sightings again.
    if (result.errors) return reference(args, 'fast-then-fallback');
    drift?.commit();
    answered.fast += 1;
    return result;
  };

  const execute: Execute = (args) => {
    if (args.rootValue !== undefined || args.fieldResolver || args.typeResolver)
      return reference(args, 'reference-ineligible');
    const operation = operationFor(args);
    if (!operation) return reference(args, 'reference-too-many-operations');
    const plan = planFor(operation, args);
    if (typeof plan === 'string') return reference(args, plan);
    // The attempt's drift sightings count only if its answer is used (this copy, not the request's context, holds them).
    const context = args.contextValue as { drift?: unknown } | null | undefined;
    const drift = context?.drift instanceof UpstreamDriftReporter ? context.drift.held() : null;
    const result = plan.query(undefined, drift ? { ...context, drift } : args.contextValue, args.variableValues);
    return isPromiseLike(result) ? result.then((settled) => settle(args, settled, drift)) : settle(args, result, drift);
  };
  return { execute, stats };
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

function compile(args: ExecutionArgs): CompiledQuery | null {
  try {
    const compiled = compileQuery(args.schema, args.document, args.operationName ?? undefined, {
      disablingCapturingStackErrors: true,
    });
    return isCompiledQuery(compiled) ? compiled : null;
  } catch {
    return null;
  }
}

/**
 * True when graphql-jit's answer can only differ from graphql-js's by carrying errors (which are then recomputed):
 * a query (no mutation, no subscription); no directive anywhere (graphql-jit's @skip/@include handling differs in
 * fragments); no federation field (`_entities` is a nullable list whose null items graphql-jit drops, and this
 * schema has no other nullable list item); and in every selection set, fragments flattened, no response key that
 * appears twice where both can apply to one object, unless both are the same plain leaf field (merged selections
 * are where the key order differs). Selections under distinct object-type conditions never meet.
 */
export function eligible(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query' || operation.directives?.length) return false;
  if (operation.variableDefinitions?.some((definition) => definition.directives?.length)) return false;
  if (!schema.getQueryType()) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return selectionSetEligible(schema, operation.selectionSet, fragments, new Set());
}

interface Occurrence {
  /** The field's name when it is a plain leaf (no arguments, no selections), else null. */
  plainLeaf: string | null;
  /** The innermost fragment's type condition when it is an object type, else null (may apply to any type). */
  objectType: string | null;
}

/** Two selections of one key that can both apply to one object: their merge is where graphql-jit's order differs. */
function conflicting(a: Occurrence, b: Occurrence): boolean {
  if (a.objectType !== null && b.objectType !== null && a.objectType !== b.objectType) return false;
  return a.plainLeaf === null || a.plainLeaf !== b.plainLeaf;
}

function selectionSetEligible(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): boolean {
  const keys = new Map<string, Occurrence[]>();
  const objectTypeOf = (condition: NamedTypeNode | undefined, outer: string | null): string | null => {
    if (!condition) return outer;
    return isObjectType(schema.getType(condition.name.value)) ? condition.name.value : null;
  };
  const walk = (set: SelectionSetNode, objectType: string | null): boolean => {
    for (const selection of set.selections) {
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '_entities' || name === '_service') return false;
        const key = selection.alias?.value ?? name;
        const occurrence: Occurrence = {
          plainLeaf: !selection.selectionSet && !selection.arguments?.length ? name : null,
          objectType,
        };
        const seen = keys.get(key) ?? [];
        if (seen.some((other) => conflicting(other, occurrence))) return false;
        seen.push(occurrence);
        keys.set(key, seen);
        if (selection.selectionSet && !selectionSetEligible(schema, selection.selectionSet, fragments, visiting))
          return false;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!walk(selection.selectionSet, objectTypeOf(selection.typeCondition, objectType))) return false;
      } else {
        const fragment = fragments.get(selection.name.value);
        // Unknown or cyclic fragments fail validation before execution; refuse them here all the same.
        if (!fragment || fragment.directives?.length || visiting.has(fragment.name.value)) return false;
        visiting.add(fragment.name.value);
        const ok = walk(fragment.selectionSet, objectTypeOf(fragment.typeCondition, objectType));
        visiting.delete(fragment.name.value);
        if (!ok) return false;
      }
    }
    return true;
  };
  return walk(selectionSet, null);
}
