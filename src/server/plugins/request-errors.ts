import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import { isGatewayErrorCode } from '../../errors/error-codes';
import { gatewayError } from '../../errors/gateway-error';

const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * Browsers' "simple" requests (GET, form posts) must carry the CSRF header; JSON POSTs are preflighted and pass as
 * they are. The library's refusal has no code and does not say how to fix the request; this one does.
 */
export function useCsrfRefusal(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }) as Plugin;
  return {
    onRequestParse(payload) {
      try {
        return csrf.onRequestParse?.(payload);
      } catch {
        throw gatewayError(
          'BAD_REQUEST',
          `Refused as a possible cross-site request: send the operation as a POST with Content-Type: application/json, or add the ${CSRF_HEADER} header (any value).`,
          { http: { status: 403 } },
        );
      }
    },
  };
}

type ErrorLike = { message: string; extensions?: Record<string, unknown> };

/**
 * Every error leaves with a code from the closed list (src/errors/error-codes.ts). graphql-js's variable coercion
 * errors carry none: they are the caller's bad or missing variables. Any other codeless error with a 4xx HTTP status
 * is a malformed request; anything else is a bug. Runs before logging and metrics so both see the final code.
 */
export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of ((single as { errors?: ErrorLike[] }).errors ?? []) as ErrorLike[]) {
          const extensions = (error.extensions ??= {});
          if (isGatewayErrorCode(extensions.code)) continue;
          extensions.code = codeFor(error, extensions);
        }
      }
    },
  };
}

function codeFor(error: ErrorLike, extensions: Record<string, unknown>): string {
  if (error.message.startsWith('Variable "$')) return 'BAD_USER_INPUT';
  const status = (extensions.http as { status?: number } | undefined)?.status;
  if (status !== undefined && status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL_SERVER_ERROR';
}
