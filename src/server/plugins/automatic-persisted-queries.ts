// Automatic persisted queries over POST and GET /graphql (GET only ever runs queries: Yoga refuses a mutation there).
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { gatewayError } from '../../errors/gateway-error';
import {
  isPersistedQueryRefusal,
  PERSISTED_QUERY_REFUSALS,
  persistedQueryOf,
  registerPersistedQuery,
  resolvePersistedQuery,
} from '../apq/persisted-query-lookup';
import type { PersistedQueryStore } from '../apq/persisted-query-store';

/**
 * A hash alone runs its stored query; a hash with its query runs it and stores it once it validates. With APQ off
 * (store null) every APQ request is PERSISTED_QUERY_NOT_SUPPORTED, on which clients stop sending hashes.
 */
export function useAutomaticPersistedQueries(store: PersistedQueryStore | null, logger: Logger): Plugin {
  if (store === null) {
    return {
      onParams({ params }) {
        if (persistedQueryOf(params) === undefined) return;
        const { code, message } = PERSISTED_QUERY_REFUSALS.notSupported;
        throw gatewayError(code, message, { http: { status: 400, headers: { 'cache-control': 'no-store' } } });
      },
    };
  }
  const registrations = new WeakMap<object, { hash: string; query: string }>();
  return {
    onParams({ params, setParams, context }) {
      // Returns at once for a request without the extension: an async hook would make every request's params async.
      if (persistedQueryOf(params) === undefined) return;
      return resolvePersistedQuery(store, params, logger).then((resolved) => {
        if (resolved === null) return;
        // 400 and no-store: a CDN must not keep a miss for a hash that the client's retry registers a moment later.
        if (isPersistedQueryRefusal(resolved))
          throw gatewayError(resolved.code, resolved.message, {
            http: { status: 400, headers: { 'cache-control': 'no-store' } },
          });
        if (resolved.register) registrations.set(context, { hash: resolved.register, query: resolved.query });
        setParams({ ...params, query: resolved.query });
      });
    },
    onValidate({ context }) {
      const registration = registrations.get(context);
      if (!registration) return;
      return ({ valid }) => {
        if (valid) registerPersistedQuery(store, registration.hash, registration.query, logger);
      };
    },
  };
}
