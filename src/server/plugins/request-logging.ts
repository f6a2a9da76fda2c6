import type { Logger } from 'pino';
import type { Plugin } from 'graphql-yoga';
import { causeOf } from '../../errors/error-codes';
import { requestIdOf } from '../context';
import type { StoredAnswer } from '../../writes/idempotency/idempotency-store';
import { idempotentReplayOf } from './idempotency';

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
      const codes = errorCodesOf(Array.isArray(result) ? result : [result]);
      if (codes) record.errorCodes = codes;
    },
    onResponse({ request, response }) {
      const requestId = requestIdOf(request);
      response.headers.set('x-request-id', requestId);
      const record = records.get(request);
      const path = new URL(request.url).pathname;
      // A replay's executed result is a placeholder: the line tells what was sent, the stored answer.
      const replay = idempotentReplayOf(request);
      const errorCodes = replay ? errorCodesOfBody(replay) : record?.errorCodes;
      const line = {
        requestId,
        method: request.method,
        path,
        status: replay ? replay.status : response.status,
        durationMs: record ? Math.round(performance.now() - record.started) : undefined,
        operationName: record?.operationName,
        errorCodes,
        ...(replay && { idempotentReplay: true }),
      };
      // A caller's mistake is routine (info); an upstream failure is worth a look (warn); INTERNAL_SERVER_ERROR is a bug.
      // A replay repeats an answer whose failure was logged when it happened: info.
      const causes = new Set(replay ? [] : (errorCodes ?? []).map(causeOf));
      if (causes.has('internal')) logger.error(line, 'request');
      else if (causes.has('upstream')) logger.warn(line, 'request');
      else if (QUIET_PATHS.has(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    },
  };
}

type ResultErrors = { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> };

/** Each error's `extensions.code`, in order; undefined when there is none. */
function errorCodesOf(results: readonly unknown[]): string[] | undefined {
  const codes: string[] = [];
  for (const single of results) {
    for (const error of (single as ResultErrors | null)?.errors ?? [])
      codes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  }
  return codes.length > 0 ? codes : undefined;
}

/** The codes in a stored JSON answer (an incremental one is not read, as a live result's codes are not). */
function errorCodesOfBody({ contentType, body }: StoredAnswer): string[] | undefined {
  if (!contentType?.includes('json')) return undefined;
  try {
    return errorCodesOf([JSON.parse(body)]);
  } catch {
    return undefined;
  }
}
