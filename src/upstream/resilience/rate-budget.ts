/**
 * The client's budget of upstream requests: the local token bucket, or the one budget shared by all replicas in
 * Redis. The composition root (app.ts) picks which; the client only asks.
 */
export interface RateBudget {
  /** Takes one request; null when taken, else the milliseconds until one is available. */
  take(): number | null | Promise<number | null>;
}
