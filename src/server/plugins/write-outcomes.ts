import { getOperationAST, GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { withMissingOutcomes } from '../../writes/missing-outcomes';

/** Every error of a mutation field leaves with `extensions.outcome`, whichever check raised it (src/writes/missing-outcomes.ts). */
export function useWriteOutcomes(): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return undefined;
      return {
        onExecuteDone({ result, setResult }) {
          // Mutations answer one result (no @defer/@stream in this schema); anything streamed is left alone.
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
