import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { OperationLimitsConfig } from '../../config/config';
import { gatewayError } from '../../errors/gateway-error';
import { operationCost } from './operation-cost';

// Armor's own errors say "Syntax Error: ..." with no code; ours name what to change, never the limit's value
// (a caller who knows it can size an attack just under it).
function limitExceeded(what: string) {
  return gatewayError('OPERATION_LIMIT_EXCEEDED', `The operation is refused: ${what}. Simplify or split it.`);
}

// Armor calls onReject handlers before its own throw; throwing ours here replaces its error.
function refuse(what: string) {
  return [
    () => {
      throw limitExceeded(what);
    },
  ];
}

/**
 * GraphQL Armor's parse- and validation-time limits: a refused operation never reaches execution, so it never
 * costs an upstream call. Inline fragments and fragment spreads count as a depth level (a real tree query puts
 * one `... on GroupRun` per level); `__typename` aliases do not count.
 */
export function useOperationLimits(limits: OperationLimitsConfig): Plugin[] {
  return [
    useMaxQueryLength(limits.maxQueryLength),
    maxTokensPlugin({ n: limits.maxTokens, exposeLimits: false, onReject: refuse('it has too many tokens') }),
    maxDepthPlugin({
      n: limits.maxDepth,
      exposeLimits: false,
      flattenFragments: false,
      onReject: refuse('it is nested too deeply'),
    }),
    maxAliasesPlugin({ n: limits.maxAliases, exposeLimits: false, onReject: refuse('it has too many aliases') }),
    maxDirectivesPlugin({
      n: limits.maxDirectives,
      exposeLimits: false,
      onReject: refuse('it has too many directives'),
    }),
    useOperationCost(limits.maxCost),
  ] as Plugin[];
}

/**
 * The cost limit, priced from the schema's `@cost`/`@listSize` (operation-cost.ts) once variables are known, before
 * any resolver runs. Armor's cost plugin multiplied every field by a literal `first` and cannot read directives.
 * Unlike the other limits it names its value and the cost: a caller cannot work the price out alone.
 */
function useOperationCost(maxCost: number): Plugin {
  const refusal = (args: ExecutionArgs) => {
    const cost = operationCost(args.schema, args.document, args.operationName, args.variableValues);
    if (cost.total <= maxCost) return null;
    const message = `The operation is refused: its cost is ${cost.total}, over the cost limit of ${maxCost} (MAX_QUERY_COST; docs/limits.md says how cost is computed). Simplify or split it.`;
    return {
      errors: [
        gatewayError('OPERATION_LIMIT_EXCEEDED', message, { limit: 'MAX_QUERY_COST', maxCost, cost: cost.total }),
      ],
    };
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution(refused);
    },
    // Subscriptions never reach onExecute; over SSE and WebSocket alike they are priced here.
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}

// Comments and whitespace are not tokens: without this, a 1 MB comment would still be lexed on every request.
function useMaxQueryLength(maxLength: number): Plugin {
  return {
    onParams({ params }) {
      if (typeof params.query === 'string' && params.query.length > maxLength) throw limitExceeded('it is too long');
    },
  };
}
