import { getOperationAST, GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { gatewayError } from '../../errors/gateway-error';
import { withMissingOutcomes } from '../../writes/missing-outcomes';
import { usesIncrementalDelivery } from '../incremental-execute';

/** Every error of a mutation field leaves with `extensions.outcome`, whichever check raised it (src/writes/missing-outcomes.ts). */
export function useWriteOutcomes(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return undefined;
      // A mutation's answer is one result: what an idempotency key stores and what every error's outcome rides on.
      if (usesIncrementalDelivery(args.document)) {
        const refusal = gatewayError(
          'BAD_REQUEST',
          '@defer and @stream are not served on mutations: send it without them.',
          {
            outcome: 'NOT_APPLIED',
          },
        );
        setResultAndStopExecution({ errors: [refusal] });
        return undefined;
      }
      return {
        onExecuteDone({ result, setResult }) {
          // Refused above, so a mutation answers one result.
          if (Symbol.asyncIterator in result) return;
          const single = result as ExecutionResult;
          if (!single.errors?.length) return;
          setResult({
            ...single,
            errors: withMissingOutcomes(
              single.errors,
              (error, outcome) =>
                new GraphQLError(error.message, {
                  nodes: error.nodes,
                  source: error.source,
                  positions: error.positions,
                  path: error.path,
                  originalError: error.originalError,
                  extensions: { ...error.extensions, outcome },
                }),
            ),
          });
        },
      };
    },
  };
}
