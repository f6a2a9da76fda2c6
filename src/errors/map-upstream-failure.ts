import { GraphQLError } from 'graphql';
import type { GatewayErrorCode } from './error-codes';
import { gatewayError } from './gateway-error';
import { UpstreamError, type UpstreamFailure } from './upstream-failure';

// The one table from upstream outcome to `extensions.code`. Field errors never carry `extensions.http`:
// Yoga would turn the whole response's HTTP status into it.
const BY_STATUS: Record<number, { code: GatewayErrorCode; message: string }> = {
  400: { code: 'BAD_USER_INPUT', message: 'The Processes API rejected the request as invalid.' },
  401: { code: 'UNAUTHENTICATED', message: 'The Processes API did not accept the credentials.' },
  403: { code: 'FORBIDDEN', message: 'The credentials do not allow reading this process run.' },
  404: { code: 'NOT_FOUND', message: 'Process run not found.' },
  409: { code: 'CONFLICT', message: 'The Processes API reported a conflict.' },
  429: { code: 'RATE_LIMITED', message: 'The Processes API rate limit was reached; retry later.' },
  500: { code: 'UPSTREAM_ERROR', message: 'The Processes API failed to answer the request.' },
  502: { code: 'UPSTREAM_UNAVAILABLE', message: 'The Processes API is unavailable.' },
  503: { code: 'UPSTREAM_UNAVAILABLE', message: 'The Processes API is unavailable.' },
  504: { code: 'UPSTREAM_UNAVAILABLE', message: 'The Processes API is unavailable.' },
};

function forStatus(status: number): { code: GatewayErrorCode; message: string } {
  const known = BY_STATUS[status];
  if (known) return known;
  if (status >= 500) return { code: 'UPSTREAM_ERROR', message: `The Processes API failed with status ${status}.` };
  return { code: 'UPSTREAM_BAD_RESPONSE', message: `The Processes API answered with unexpected status ${status}.` };
}

/** What was asked for, for the 403/404 messages. */
export type UpstreamResource = 'process run' | 'process' | 'process list';

const RESOURCE_MESSAGES: Record<Exclude<UpstreamResource, 'process run'>, Partial<Record<number, string>>> = {
  process: { 403: 'The credentials do not allow reading this process.', 404: 'Process not found.' },
  'process list': {
    403: 'The credentials do not allow listing processes.',
    404: 'The Processes API has no process list here.',
  },
};

/** Whether the call read or changed the resource: a refused write is not "not allowed to read". */
export type UpstreamAccess = 'read' | 'write';

const WRITE_MESSAGES: Partial<Record<UpstreamResource, Partial<Record<number, string>>>> = {
  'process run': { 403: 'The credentials do not allow changing this process run.' },
  process: { 403: 'The credentials do not allow changing this process.' },
};

function messageFor(status: number, resource: UpstreamResource, access: UpstreamAccess): string | undefined {
  if (access === 'write') {
    const written = WRITE_MESSAGES[resource]?.[status];
    if (written) return written;
  }
  return resource === 'process run' ? undefined : RESOURCE_MESSAGES[resource][status];
}

export function mapUpstreamFailure(
  failure: UpstreamFailure,
  resource: UpstreamResource = 'process run',
  access: UpstreamAccess = 'read',
): GraphQLError {
  switch (failure.kind) {
    case 'http': {
      const byStatus = forStatus(failure.status);
      const code = byStatus.code;
      const message = messageFor(failure.status, resource, access) ?? byStatus.message;
      const body = failure.body ?? {};
      const upstream = omitUndefined({
        status: failure.status,
        code: body.code,
        message: body.message,
        target: body.target,
        meta: body.meta,
        details: body.details,
        documentationUrl: body.documentationUrl,
      });
      const retryAfter = failure.retryAfterSeconds;
      return gatewayError(code, message, retryAfter === null ? { upstream } : { upstream, retryAfter });
    }
    case 'timeout':
      return gatewayError('UPSTREAM_TIMEOUT', 'The Processes API did not answer in time.');
    case 'unreachable':
      return gatewayError('UPSTREAM_UNREACHABLE', 'The Processes API could not be reached.');
    case 'bad-response':
      return gatewayError(
        'UPSTREAM_BAD_RESPONSE',
        `The Processes API sent a response this gateway cannot use: ${failure.reason}.`,
        failure.status === undefined ? {} : { upstream: { status: failure.status } },
      );
    case 'missing-credentials':
      return gatewayError('UNAUTHENTICATED', 'An Authorization header is required.');
    case 'circuit-open':
      return gatewayError(
        'UPSTREAM_UNAVAILABLE',
        'The Processes API is failing; calls are paused for a moment.',
        failure.retryAfterSeconds === null ? {} : { retryAfter: failure.retryAfterSeconds },
      );
    case 'rate-limited-locally':
      return gatewayError(
        'RATE_LIMITED',
        failure.scope === 'caller'
          ? 'Too many requests from this caller to the Processes API; retry later.'
          : 'Too many requests to the Processes API; retry later.',
        { retryAfter: failure.retryAfterSeconds, scope: failure.scope },
      );
    case 'budget-exceeded':
      return gatewayError(
        'OPERATION_LIMIT_EXCEEDED',
        'This operation needs more upstream calls than one operation may make; split it.',
      );
  }
}

/** Anything thrown below a resolver → the error the caller sees. Unknown errors pass through to Yoga's masking. */
export function toGraphQLError(
  error: unknown,
  resource: UpstreamResource = 'process run',
  access: UpstreamAccess = 'read',
): Error {
  if (error instanceof GraphQLError) return error;
  if (error instanceof UpstreamError) return mapUpstreamFailure(error.failure, resource, access);
  return error instanceof Error ? error : new Error(String(error));
}

function omitUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}
