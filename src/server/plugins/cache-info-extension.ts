import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../../resolvers/resolver-context';

/**
 * `X-Gateway-Cache-Info: true` → `extensions.cache: { age, tier }` on a query's or mutation's result. Nothing is
 * added otherwise: the context has a collector only when the header asked for one (src/server/context.ts).
 */
export function useCacheInfo(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      const collector = (args.contextValue as GatewayContext).cacheInfo;
      if (!collector) return undefined;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, cache: collector.extension } });
        },
      };
    },
  };
}
