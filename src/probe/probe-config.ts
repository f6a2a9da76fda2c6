import { ConfigError, loadConfig, type GatewayConfig } from '../config/config';
import { readInteger } from '../config/env-readers';

type Env = Record<string, string | undefined>;

export interface ProbeConfig {
  gateway: GatewayConfig;
  upstreamBaseUrl: string;
  /** PROBE_AUTHORIZATION: a full Authorization header value; null when the client-credentials settings are used. */
  authorization: string | null;
  /** PROBE_MAX_REQUESTS: upstream requests the probe may send in all. */
  maxRequests: number;
}

/** The gateway's own loader, plus the probe's two variables; a real upstream and a credential are required. */
export function loadProbeConfig(env: Env): ProbeConfig {
  const baseUrl = env.UPSTREAM_BASE_URL?.trim();
  if (!baseUrl)
    throw new ConfigError('UPSTREAM_BASE_URL', 'must be set: the probe checks the Processes API at that address');
  // The probe never serves the demo: a DEMO_UPSTREAM left in the environment must not change what it checks.
  const gateway = loadConfig({ ...env, DEMO_UPSTREAM: 'false' });
  const authorization = env.PROBE_AUTHORIZATION?.trim() || null;
  if (authorization === null && gateway.resilience.clientCredentials === null) {
    throw new ConfigError(
      'PROBE_AUTHORIZATION',
      'must be set (a full Authorization header value), or UPSTREAM_CLIENT_ID and UPSTREAM_CLIENT_SECRET',
    );
  }
  return {
    gateway,
    upstreamBaseUrl: gateway.upstreamBaseUrl!,
    authorization,
    maxRequests: readInteger(env, 'PROBE_MAX_REQUESTS', { min: 1, max: 1000, default: 20 }),
  };
}
