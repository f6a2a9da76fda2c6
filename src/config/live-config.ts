// Live runs (Subscription.processRunUpdated): see docs/live-runs.md.
import { ConfigError } from './config-error';
import { readInteger, readSecretList, readString, type Env } from './env-readers';

export interface LiveConfig {
  /** LIVE_POLL_INTERVAL_MS: the wait between polls of a run that is changing. */
  pollIntervalMs: number;
  /** LIVE_MAX_POLL_INTERVAL_MS: the slowest a run that stopped changing is polled (the idle curve's cap). */
  maxPollIntervalMs: number;
  /** LIVE_MAX_UPSTREAM_DOWN_MS: how long transient failures are waited out before subscriptions end UPSTREAM_UNAVAILABLE. */
  maxUpstreamDownMs: number;
  /** LIVE_MAX_SUBSCRIPTIONS: open subscriptions per process. */
  maxSubscriptions: number;
  /** LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: open subscriptions per client connection (WebSocket or HTTP connection). */
  maxSubscriptionsPerConnection: number;
  /** LIVE_KEEPALIVE_MS: WebSocket ping interval (SSE uses Yoga's fixed 12 s comment ping). */
  keepAliveMs: number;
  /** LIVE_MULTIPART_HEARTBEAT_MS: the `{}` heartbeat part of a multipart subscription (Apollo's protocol: 5 s). */
  multipartHeartbeatMs: number;
  /**
   * LIVE_LEASE_TTL_MS (with REDIS_URL): how long a replica's claim on a shared poll loop lasts unless renewed; when
   * its owner dies another replica takes the loop over within about this long.
   */
  leaseTtlMs: number;
  /**
   * LIVE_CREDENTIAL_SECRET: the key of the credential hash in poll keys. Replicas sharing loops through Redis need the
   * same one (and it never goes to Redis); null → a random key per process, so loops are shared within it only.
   */
  credentialSecret: string | null;
}

/**
 * Internal, never from the environment: only code can ask for it (the in-process test gateway in
 * test/harness/gateway.ts does), so no deployment, whatever its NODE_ENV, can poll the upstream faster than the
 * public floor.
 */
export interface LiveTestFloors {
  liveTestFloors?: boolean;
}

// The public floors protect the upstream (polls) and the clients (pings).
const PUBLIC_MIN_POLL_INTERVAL_MS = 1_000;
const TEST_MIN_POLL_INTERVAL_MS = 20;

export function loadLiveConfig(env: Env, { liveTestFloors = false }: LiveTestFloors = {}): LiveConfig {
  const floor = liveTestFloors ? TEST_MIN_POLL_INTERVAL_MS : PUBLIC_MIN_POLL_INTERVAL_MS;
  const pollIntervalMs = readInteger(env, 'LIVE_POLL_INTERVAL_MS', { min: floor, max: 3_600_000, default: 5_000 });
  const maxPollIntervalMs = readInteger(env, 'LIVE_MAX_POLL_INTERVAL_MS', {
    min: floor,
    max: 3_600_000,
    default: Math.max(30_000, pollIntervalMs),
  });
  if (maxPollIntervalMs < pollIntervalMs) {
    throw new ConfigError(
      'LIVE_MAX_POLL_INTERVAL_MS',
      `must be at least LIVE_POLL_INTERVAL_MS (${pollIntervalMs}), got ${maxPollIntervalMs}`,
    );
  }
  return {
    pollIntervalMs,
    maxPollIntervalMs,
    maxUpstreamDownMs: readInteger(env, 'LIVE_MAX_UPSTREAM_DOWN_MS', {
      min: liveTestFloors ? 0 : 1_000,
      max: 86_400_000,
      default: 120_000,
    }),
    maxSubscriptions: readInteger(env, 'LIVE_MAX_SUBSCRIPTIONS', { min: 0, max: 10_000_000, default: 10_000 }),
    maxSubscriptionsPerConnection: readInteger(env, 'LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION', {
      min: 1,
      max: 100_000,
      default: 100,
    }),
    keepAliveMs: readInteger(env, 'LIVE_KEEPALIVE_MS', {
      min: liveTestFloors ? 50 : 1_000,
      max: 600_000,
      default: 12_000,
    }),
    multipartHeartbeatMs: readInteger(env, 'LIVE_MULTIPART_HEARTBEAT_MS', {
      min: liveTestFloors ? 50 : 1_000,
      max: 600_000,
      default: 5_000,
    }),
    // A few intervals: a slow renewal (a loaded replica, a GC pause) must not hand the loop over needlessly.
    leaseTtlMs: readInteger(env, 'LIVE_LEASE_TTL_MS', {
      min: liveTestFloors ? 60 : 1_000,
      max: 600_000,
      default: Math.max(3 * pollIntervalMs, 3_000),
    }),
    credentialSecret: readCredentialSecret(env),
  };
}

// As CURSOR_SECRET: short enough to guess would let anyone holding a Redis dump confirm a guessed token. A poll key is
// a lookup, not a signature, so only the first key of a list is used (rotating it briefly un-shares loops).
function readCredentialSecret(env: Env): string | null {
  const file = { fileName: 'LIVE_CREDENTIAL_SECRET_FILE', path: readString(env, 'LIVE_CREDENTIAL_SECRET_FILE') };
  return readSecretList(env, 'LIVE_CREDENTIAL_SECRET', file, 32)?.[0] ?? null;
}
