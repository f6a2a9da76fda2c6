import type { Logger } from 'pino';
import type { Plugin } from 'graphql-yoga';
import { causeOf } from '../../errors/error-codes';
import { requestIdOf } from '../context';

interface RequestRecord {
  started: number;
  operationName?: string;
  errorCodes?: string[];
}

const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/** One line per HTTP request, with its request id; the id is echoed as `x-request-id`. */
export function useRequestLogging(logger: Logger): Plugin {
  const records = new WeakMap<Request, RequestRecord>();
  return {
    onRequest({ request }) {
      records.set(request, { started: performance.now() });
    },
    onParams({ params, request }) {
      const record = records.get(request);
      if (record && typeof params.operationName === 'string') record.operationName = params.operationName.slice(0, 100);
    },
    onResultProcess({ request, result }) {
      const record = records.get(request);
      if (!record) return;
      const results = Array.isArray(result) ? result : [result];
      const codes: string[] = [];
      for (const single of results) {
        const errors = (single as { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }).errors;
        for (const error of errors ?? []) codes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
      }
      if (codes.length > 0) record.errorCodes = codes;
    },
    onResponse({ request, response }) {
      const requestId = requestIdOf(request);
      response.headers.set('x-request-id', requestId);
      const record = records.get(request);
      const path = new URL(request.url).pathname;
      const line = {
        requestId,
        method: request.method,
        path,
        status: response.status,
        durationMs: record ? Math.round(performance.now() - record.started) : undefined,
        operationName: record?.operationName,
        errorCodes: record?.errorCodes,
      };
      // A caller's mistake is routine (info); an upstream failure is worth a look (warn); INTERNAL_SERVER_ERROR is a bug.
      const causes = new Set((record?.errorCodes ?? []).map(causeOf));
      if (causes.has('internal')) logger.error(line, 'request');
      else if (causes.has('upstream')) logger.warn(line, 'request');
      else if (QUIET_PATHS.has(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    },
  };
}
