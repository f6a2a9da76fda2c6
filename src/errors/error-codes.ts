/**
 * Every `extensions.code` this gateway answers with: a closed list, documented in docs/errors.md (a test keeps the
 * two equal). Clients depend on these names. `cause` says whose mistake it is: the caller's (logged at info,
 * counted as `client`), the upstream's (warn, `upstream`), or this gateway's own bug (error, `internal`).
 */
export const ERROR_CODES = {
  // Request-level: the HTTP request or the GraphQL document is wrong (the names GraphQL clients already know).
  BAD_REQUEST: 'client',
  GRAPHQL_PARSE_FAILED: 'client',
  GRAPHQL_VALIDATION_FAILED: 'client',
  BAD_USER_INPUT: 'client',
  OPERATION_RESOLUTION_FAILURE: 'client',
  PERSISTED_QUERY_NOT_FOUND: 'client',
  PERSISTED_QUERY_ONLY: 'client',
  PERSISTED_QUERY_ID_REQUIRED: 'client',
  PERSISTED_QUERY_NOT_SUPPORTED: 'client',
  REQUEST_ENTITY_TOO_LARGE: 'client',
  OPERATION_LIMIT_EXCEEDED: 'client',
  // The upstream refused the caller's request: still the caller's to fix (credentials, id, pace).
  UNAUTHENTICATED: 'client',
  FORBIDDEN: 'client',
  NOT_FOUND: 'client',
  CONFLICT: 'client',
  RATE_LIMITED: 'client',
  // Live runs (Subscription.processRunUpdated) refused: expected answers a client meets by subscribing again later
  // or elsewhere, never a fault of this gateway (so info, not error).
  SUBSCRIPTION_LIMIT_EXCEEDED: 'client',
  SHUTTING_DOWN: 'client',
  // Idempotency keys on mutations (docs/mutations.md): the key's rules, answered before any upstream call.
  IDEMPOTENCY_KEY_REQUIRED: 'client',
  IDEMPOTENCY_KEY_IN_USE: 'client',
  IDEMPOTENCY_KEY_REUSED: 'client',
  // The upstream failed.
  UPSTREAM_ERROR: 'upstream',
  UPSTREAM_UNAVAILABLE: 'upstream',
  UPSTREAM_TIMEOUT: 'upstream',
  UPSTREAM_UNREACHABLE: 'upstream',
  UPSTREAM_BAD_RESPONSE: 'upstream',
  // Not the Processes API but a dependency all the same: the store of idempotency keys (Redis) cannot answer, so a
  // request with a key is refused, not run unguarded.
  IDEMPOTENCY_UNAVAILABLE: 'upstream',
  // A bug in this gateway; never a client mistake.
  INTERNAL_SERVER_ERROR: 'internal',
} as const;

export type GatewayErrorCode = keyof typeof ERROR_CODES;
export type ErrorCause = (typeof ERROR_CODES)[GatewayErrorCode];

export const GATEWAY_ERROR_CODES = Object.keys(ERROR_CODES) as GatewayErrorCode[];

export function isGatewayErrorCode(code: unknown): code is GatewayErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/** Whose mistake an error with this code is; a code outside the list is treated as a bug. */
export function causeOf(code: unknown): ErrorCause {
  return isGatewayErrorCode(code) ? ERROR_CODES[code] : 'internal';
}
