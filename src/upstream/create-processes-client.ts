import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/config';
import { ClientCredentialsProvider } from './client-credentials';
import { passthroughCredentials, type CredentialsProvider } from './credentials';
import { createUpstreamAgent, ProcessesClient } from './processes-client';
import type { RateBudget } from './resilience/rate-budget';
import type { UpstreamEvents } from './upstream-events';

export interface ProcessesClientSetup {
  config: GatewayConfig;
  logger: Logger;
  upstreamBaseUrl: string;
  /** The embedded demo needs no credentials. */
  demoUpstream: boolean;
  events?: UpstreamEvents;
  /** The Redis-shared budget; absent: a local token bucket from UPSTREAM_RATE_LIMIT. */
  rateBudget?: RateBudget | null;
}

/** The configured client: one keep-alive pool, the resilience policy, and the credentials mode. */
export function createProcessesClient({ config, logger, upstreamBaseUrl, demoUpstream, events, rateBudget }: ProcessesClientSetup): ProcessesClient {
  const policy = config.resilience;
  const dispatcher = createUpstreamAgent({ connections: policy.maxSockets, connectTimeoutMs: policy.connectTimeoutMs });
  const credentials: CredentialsProvider = policy.clientCredentials
    ? new ClientCredentialsProvider({ ...policy.clientCredentials, timeoutMs: config.upstreamTimeoutMs, dispatcher, logger })
    : passthroughCredentials(!demoUpstream);
  return new ProcessesClient({
    baseUrl: upstreamBaseUrl,
    apiVersion: config.upstreamApiVersion,
    timeoutMs: config.upstreamTimeoutMs,
    maxBodyBytes: policy.maxBodyBytes,
    credentials,
    logger,
    dispatcher,
    events,
    attemptTimeouts: { headersMs: policy.headersTimeoutMs, bodyMs: policy.bodyTimeoutMs },
    retry: { maxAttempts: policy.maxAttempts, baseDelayMs: policy.retryBaseDelayMs, maxDelayMs: policy.retryMaxDelayMs },
    breaker:
      policy.breakerThreshold === 0
        ? null
        : { threshold: policy.breakerThreshold, halfOpenAfterMs: policy.breakerHalfOpenAfterMs },
    rateLimit: policy.rateLimit,
    rateBudget,
  });
}
