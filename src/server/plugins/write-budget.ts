import type { Plugin } from 'graphql-yoga';
import { gatewayError } from '../../errors/gateway-error';
import { countWrites } from '../../writes/count-writes';

/**
 * Refuses, before the first write, a mutation operation with more upstream writes than MAX_WRITES_PER_OPERATION:
 * the whole operation, with zero upstream calls, so no write is applied and then lost to a budget error halfway.
 */
export function useWriteBudget(maxWritesPerOperation: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const writes = countWrites(args.document, args.operationName);
      if (writes <= maxWritesPerOperation) return;
      setResultAndStopExecution({
        errors: [
          gatewayError(
            'OPERATION_LIMIT_EXCEEDED',
            `This operation has ${writes} mutation fields (upstream writes); at most ${maxWritesPerOperation} are allowed in one operation. Nothing was sent: split it.`,
            { writes, maxWrites: maxWritesPerOperation, outcome: 'NOT_APPLIED' },
          ),
        ],
      });
    },
  };
}
