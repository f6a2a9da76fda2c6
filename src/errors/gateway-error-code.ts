/** Every `extensions.code` this gateway answers with. Clients depend on these names. */
export type GatewayErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNREACHABLE'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'OPERATION_LIMIT_EXCEEDED'
  /** Live runs: LIVE_MAX_SUBSCRIPTIONS or LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION reached. */
  | 'SUBSCRIPTION_LIMIT_EXCEEDED'
  /** Live runs: the process is draining (SIGTERM); subscribe to another replica. */
  | 'SHUTTING_DOWN';
