import type { Plugin } from 'graphql-yoga';
import type { Readiness } from '../readiness';

/**
 * GET /ready: 200 when ready, else 503 `{ ready: false, reason }`; details (Redis state, the upstream breaker when not
 * closed) join either body. Hand-written instead of Yoga's
 * useReadinessCheck, which runs a URLPattern match on every request that is not /ready (measured in
 * docs/decisions/performance-history.md); the path tests here are the cheap ones that plugin tries first.
 */
export function useReadinessEndpoint(readiness: Readiness, endpoint = '/ready'): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (!request.url.endsWith(endpoint) && url.pathname !== endpoint) return;
      const problem = readiness.problem();
      const details = readiness.details();
      const json = { 'content-type': 'application/json' };
      endResponse(
        problem === null
          ? details === null
            ? new fetchAPI.Response(null, { status: 200 })
            : new fetchAPI.Response(JSON.stringify({ ready: true, ...details }), { status: 200, headers: json })
          : new fetchAPI.Response(JSON.stringify({ ready: false, reason: problem, ...details }), {
              status: 503,
              headers: json,
            }),
      );
    },
  };
}
