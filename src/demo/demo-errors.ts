// Demo ids that make the embedded demo upstream fail, one per upstream failure of docs/errors.md ("Field-level";
// listed in docs/graphiql-federation-frontends.md "Demo error ids"), with the bodies the
// Processes API documentation shows for each status (seed doc `get-process-run-by-id`), so every error shape can be
// seen in GraphiQL without Workiva credentials.
import type { UpstreamErrorBody } from '../upstream/types';

export type DemoFailure =
  | { kind: 'status'; status: number; body: UpstreamErrorBody; headers?: Record<string, string> }
  /** Never answers: the gateway's deadline (UPSTREAM_TIMEOUT_MS) fires first. */
  | { kind: 'stall' }
  /** 200 with a body that is not JSON. */
  | { kind: 'not-json' }
  /** Closes the connection without answering, as a dead host or a dropped route looks to the gateway. */
  | { kind: 'hang-up' };

export interface DemoErrorScenario {
  id: string;
  /** What the caller sees, for GraphiQL tab titles and docs/graphiql-federation-frontends.md. */
  gatewayCode: string;
  summary: string;
  failure: DemoFailure;
}

export const DEMO_ERROR_SCENARIOS: readonly DemoErrorScenario[] = [
  {
    id: 'demo-bad-request',
    gatewayCode: 'BAD_USER_INPUT',
    summary: 'upstream 400 with the documented detailed body (target, meta, documentationUrl)',
    failure: {
      kind: 'status',
      status: 400,
      body: {
        code: 'invalidUser',
        documentationUrl: 'http://developerdocs.example.com',
        message: 'The provided user is invalid.',
        meta: { argumentName: 'assignee', jobId: 'job1234' },
        target: 'assignee',
      },
    },
  },
  {
    id: 'demo-unauthenticated',
    gatewayCode: 'UNAUTHENTICATED',
    summary: 'upstream 401',
    failure: { kind: 'status', status: 401, body: { code: 'Unauthorized', message: 'Bad credentials' } },
  },
  {
    id: 'demo-forbidden',
    gatewayCode: 'FORBIDDEN',
    summary: 'upstream 403',
    failure: { kind: 'status', status: 403, body: { code: '403', message: 'Forbidden' } },
  },
  {
    id: 'demo-not-found',
    gatewayCode: 'NOT_FOUND',
    summary: 'upstream 404: processRun is null',
    failure: {
      kind: 'status',
      status: 404,
      body: { code: '404', message: 'Could not find process run id demo-not-found' },
    },
  },
  {
    id: 'demo-conflict',
    gatewayCode: 'CONFLICT',
    summary: 'upstream 409',
    failure: {
      kind: 'status',
      status: 409,
      body: { code: '409', message: 'Letter is not in a status that supports submissions' },
    },
  },
  {
    id: 'demo-rate-limited',
    gatewayCode: 'RATE_LIMITED',
    summary: 'upstream 429 with Retry-After: 10 (extensions.retryAfter)',
    failure: {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '10' },
      body: {
        code: '429',
        message: 'Rate limit of 1000 per 60 seconds exceeded for listJobs requests. Retry request in 10 seconds.',
      },
    },
  },
  {
    id: 'demo-server-error',
    gatewayCode: 'UPSTREAM_ERROR',
    summary: 'upstream 500',
    failure: { kind: 'status', status: 500, body: { code: '500', message: 'unknown error' } },
  },
  {
    id: 'demo-unavailable',
    gatewayCode: 'UPSTREAM_UNAVAILABLE',
    summary: 'upstream 503',
    failure: { kind: 'status', status: 503, body: { code: '503', message: 'Service Unavailable.' } },
  },
  {
    id: 'demo-timeout',
    gatewayCode: 'UPSTREAM_TIMEOUT',
    summary: 'the upstream never answers; the gateway gives up after UPSTREAM_TIMEOUT_MS',
    failure: { kind: 'stall' },
  },
  {
    id: 'demo-unreachable',
    gatewayCode: 'UPSTREAM_UNREACHABLE',
    summary: 'the upstream drops the connection without answering (every retry too)',
    failure: { kind: 'hang-up' },
  },
  {
    id: 'demo-bad-response',
    gatewayCode: 'UPSTREAM_BAD_RESPONSE',
    summary: 'upstream 200 whose body is not JSON',
    failure: { kind: 'not-json' },
  },
];

export const DEMO_FAILURES: ReadonlyMap<string, DemoFailure> = new Map(
  DEMO_ERROR_SCENARIOS.map((scenario) => [scenario.id, scenario.failure]),
);
