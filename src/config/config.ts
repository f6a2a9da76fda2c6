// Environment → typed, validated configuration. Read once at start; a bad value stops the process with one line.
import { readPersistedOperations, type PersistedOperations } from './persisted-operations-file';
import { ConfigError } from './config-error';
import { readBoolean, readChoice, readInteger, readSecret, readSecretList, readString, type Env } from './env-readers';
import { parseRateLimit, type RateLimit } from './rate-limit';
import { loadLiveConfig, type LiveConfig, type LiveTestFloors } from './live-config';
import { loadRedisConfig, type RedisConfig } from './redis-config';
import { loadWritesConfig, type WritesConfig } from './writes-config';
import { loadCacheConfig, type UpstreamCacheConfig } from './cache-config';
import { loadOriginsConfig, type OriginsConfig } from './origins-config';
import { loadAuthConfig, type AuthConfig } from './auth-config';
import { loadOtlpMetricsConfig, type OtlpMetricsConfig } from './otlp-metrics-config';

/**
 * The one home of the upstream client's defaults: the config loader and the client's own fallbacks (for code that
 * builds a client without the config, e.g. a test) both read these.
 */
export const UPSTREAM_DEFAULTS = {
  connectTimeoutMs: 3_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  maxSockets: 64,
  maxAttempts: 3,
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 2_000,
  breakerThreshold: 5,
  breakerHalfOpenAfterMs: 10_000,
} as const;

export interface GatewayConfig {
  port: number;
  host: string;
  /** Null → the embedded demo upstream is started in-process (demoUpstream is then true). */
  upstreamBaseUrl: string | null;
  /** DEMO_UPSTREAM: serve the embedded demo upstream. Default: on outside production when UPSTREAM_BASE_URL is unset. */
  demoUpstream: boolean;
  upstreamApiVersion: string;
  upstreamTimeoutMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** NODE_ENV=development: unmasked errors, pretty logs when a terminal is attached. */
  development: boolean;
  /** NODE_ENV=production: no field suggestions, and no demo upstream unless DEMO_UPSTREAM=true. */
  production: boolean;
  shutdownGraceMs: number;
  /** SHUTDOWN_DELAY_MS: after SIGTERM, how long the listener keeps serving with /ready at 503 before draining. */
  shutdownDelayMs: number;
  /** GRAPHIQL: serve GraphiQL on GET /graphql. */
  graphiql: boolean;
  /** INTROSPECTION: answer __schema/__type queries. */
  introspection: boolean;
  /** PERSISTED_OPERATIONS_FILE: when set, only these operations (hash → document) run. */
  persistedOperations: { file: string; documents: PersistedOperations } | null;
  /** APQ, APQ_MAX_ENTRIES, APQ_MAX_BYTES, APQ_TTL_MS: automatic persisted queries (off whenever trusted documents are on). */
  apq: { enabled: boolean; maxEntries: number; maxBytes: number; ttlMs: number };
  limits: OperationLimitsConfig;
  resilience: UpstreamResilienceConfig;
  telemetry: TelemetryConfig;
  /** LIVE_*: Subscription.processRunUpdated's poll loops and bounds (src/config/live-config.ts). */
  live: LiveConfig;
  /** REDIS_URL and friends (src/config/redis-config.ts); null → all state in this process's memory. */
  redis: RedisConfig | null;
  /**
   * CURSOR_SECRET (or CURSOR_SECRET_FILE): keys of `processes` cursors, the first signs, all verify (rotation); null → a
   * random key per process (cursors then die with it): production allows that only with CURSOR_SECRET_EPHEMERAL=true.
   */
  cursorSecret: readonly string[] | null;
  /** CORS_ORIGINS (alias WS_ALLOWED_ORIGINS) and ALLOWED_HOSTS: see docs/security.md. */
  origins: OriginsConfig;
  /** AUTH_MODE and AUTH_*: who the caller is (src/config/auth-config.ts). */
  auth: AuthConfig;
  /** MAX_WRITES_PER_OPERATION and IDEMPOTENCY_* (src/config/writes-config.ts). */
  writes: WritesConfig;
  /** UPSTREAM_CACHE_*: coalescing and the upstream answer cache (src/config/cache-config.ts, docs/caching.md). */
  upstreamCache: UpstreamCacheConfig;
  /** EXECUTION_FAST_PATH: graphql-jit for the queries where its answer is provably graphql-js's (src/server/fast-execute.ts). */
  executionFastPath: boolean;
}

/** The upstream client's policy: see docs/resilience.md. */
export interface UpstreamResilienceConfig {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxSockets: number;
  maxAttempts: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** 0: no breaker. */
  breakerThreshold: number;
  breakerHalfOpenAfterMs: number;
  /** Null: no client-side budget. */
  rateLimit: RateLimit | null;
  /** UPSTREAM_RATE_LIMIT_PER_CALLER: each caller's share (JWT sub, or the credential's HMAC); null: none. */
  rateLimitPerCaller: RateLimit | null;
  maxBodyBytes: number;
  /** Null: the caller's Authorization is passed through (the default). */
  clientCredentials: { clientId: string; clientSecret: string; tokenUrl: string; scope: string | null } | null;
}

/** Hostile-input limits; defaults measured against a 12-group-level process tree query (see docs/limits.md). */
export interface OperationLimitsConfig {
  maxRequestBodyBytes: number;
  maxQueryLength: number;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
  maxUpstreamCallsPerOperation: number;
}

export { ConfigError };

function readBaseUrl(env: Env, name: string): string | null {
  const raw = readString(env, name);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `must use http or https, got "${url.protocol}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(name, 'must not carry a query, a fragment or credentials');
  }
  return url.href.replace(/\/+$/, '');
}

function readPersistedOperationsFile(env: Env): GatewayConfig['persistedOperations'] {
  const file = readString(env, 'PERSISTED_OPERATIONS_FILE');
  if (file === undefined) return null;
  try {
    return { file, documents: readPersistedOperations(file) };
  } catch (error) {
    throw new ConfigError('PERSISTED_OPERATIONS_FILE', (error as Error).message);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `internal` is for code only (tests): see LiveTestFloors. */
export function loadConfig(env: Env = process.env, internal: LiveTestFloors = {}): GatewayConfig {
  const apiVersion = readString(env, 'UPSTREAM_API_VERSION') ?? '2026-04-01.processes.preview';
  if (!/^[\w.-]{1,100}$/.test(apiVersion)) {
    throw new ConfigError(
      'UPSTREAM_API_VERSION',
      `must be a version label like 2026-04-01.processes.preview, got "${apiVersion}"`,
    );
  }
  const nodeEnv = readString(env, 'NODE_ENV');
  const production = nodeEnv === 'production';
  const upstreamBaseUrl = readBaseUrl(env, 'UPSTREAM_BASE_URL');
  const resilience = loadUpstreamResilience(env, upstreamBaseUrl);
  const limits = loadOperationLimits(env);
  const demoUpstream = readDemoUpstream(env, upstreamBaseUrl, production);
  const clientCredentials = resilience.clientCredentials !== null;
  const auth = loadAuthConfig(env, { production, clientCredentials, demoUpstream });
  return {
    port: readInteger(env, 'PORT', { min: 0, max: 65535, default: 4000 }),
    host: readString(env, 'HOST') ?? '0.0.0.0',
    upstreamBaseUrl,
    demoUpstream,
    upstreamApiVersion: apiVersion,
    upstreamTimeoutMs: readInteger(env, 'UPSTREAM_TIMEOUT_MS', { min: 1, max: 600_000, default: 10_000 }),
    logLevel: readChoice(env, 'LOG_LEVEL', { choices: LOG_LEVELS, default: 'info' }),
    development: nodeEnv === 'development',
    production,
    shutdownGraceMs: readInteger(env, 'SHUTDOWN_GRACE_MS', { min: 0, max: 600_000, default: 10_000 }),
    // Production runs behind a balancer (Kubernetes endpoints) that keeps routing here for a few seconds after SIGTERM.
    shutdownDelayMs: readInteger(env, 'SHUTDOWN_DELAY_MS', { min: 0, max: 600_000, default: production ? 5_000 : 0 }),
    graphiql: readBoolean(env, 'GRAPHIQL', { default: true }),
    introspection: readBoolean(env, 'INTROSPECTION', { default: true }),
    persistedOperations: readPersistedOperationsFile(env),
    apq: {
      enabled: readBoolean(env, 'APQ', { default: true }),
      maxEntries: readInteger(env, 'APQ_MAX_ENTRIES', { min: 1, max: 1_000_000, default: 1000 }),
      maxBytes: readInteger(env, 'APQ_MAX_BYTES', {
        min: 1024,
        max: 4 * 1024 * 1024 * 1024,
        default: 16 * 1024 * 1024,
      }),
      ttlMs: readInteger(env, 'APQ_TTL_MS', { min: 1000, max: 30 * 24 * 60 * 60 * 1000, default: 24 * 60 * 60 * 1000 }),
    },
    limits,
    writes: loadWritesConfig(env, limits.maxUpstreamCallsPerOperation),
    resilience,
    telemetry: loadTelemetry(env),
    redis: loadRedisConfig(env, resilience.rateLimit),
    live: loadLiveConfig(env, internal),
    origins: loadOrigins(env, production, clientCredentials || auth.mode === 'jwt'),
    auth,
    executionFastPath: readBoolean(env, 'EXECUTION_FAST_PATH', { default: true }),
    upstreamCache: loadCacheConfig(env),
    // Last: a production config missing it is told about its other mistakes first.
    cursorSecret: readCursorSecret(env, production),
  };
}

// Production never serves fixture data by accident: the demo there must be asked for by name.
function readDemoUpstream(env: Env, upstreamBaseUrl: string | null, production: boolean): boolean {
  const demo = readBoolean(env, 'DEMO_UPSTREAM', { default: upstreamBaseUrl === null && !production });
  if (demo && upstreamBaseUrl !== null)
    throw new ConfigError('DEMO_UPSTREAM', 'must not be true when UPSTREAM_BASE_URL is set');
  if (!demo && upstreamBaseUrl === null) {
    throw new ConfigError(
      'UPSTREAM_BASE_URL',
      production
        ? 'must be set when NODE_ENV=production (the Processes API base URL; DEMO_UPSTREAM=true serves demo fixtures instead)'
        : 'must be set when DEMO_UPSTREAM=false (the Processes API base URL)',
    );
  }
  return demo;
}

// With the gateway's own upstream identity on the line, a rebinding page must not reach it under a foreign name.
function loadOrigins(env: Env, production: boolean, gatewayIdentity: boolean): OriginsConfig {
  const origins = loadOriginsConfig(env, production);
  if (production && gatewayIdentity && origins.allowedHosts === null) {
    throw new ConfigError(
      'ALLOWED_HOSTS',
      'must be set when NODE_ENV=production and AUTH_MODE=jwt or UPSTREAM_CLIENT_ID is set (the host names clients use)',
    );
  }
  return origins;
}

// Replicas behind one load balancer must share it, or a cursor from one is refused by the next.
function readCursorSecret(env: Env, production: boolean): readonly string[] | null {
  const keys = readSecretList(
    env,
    'CURSOR_SECRET',
    { fileName: 'CURSOR_SECRET_FILE', path: readString(env, 'CURSOR_SECRET_FILE') },
    32,
  );
  const ephemeral = readBoolean(env, 'CURSOR_SECRET_EPHEMERAL', { default: false });
  if (keys !== null && ephemeral)
    throw new ConfigError('CURSOR_SECRET_EPHEMERAL', 'must not be true when CURSOR_SECRET is set');
  if (keys === null && production && !ephemeral) {
    throw new ConfigError(
      'CURSOR_SECRET',
      'must be set when NODE_ENV=production (the same on every replica; CURSOR_SECRET_EPHEMERAL=true for a single replica)',
    );
  }
  return keys;
}

function loadUpstreamResilience(env: Env, baseUrl: string | null): UpstreamResilienceConfig {
  const rateText = readString(env, 'UPSTREAM_RATE_LIMIT');
  const rateLimit = rateText === undefined ? null : parseRateLimit(rateText);
  if (rateText !== undefined && rateLimit === null) {
    throw new ConfigError(
      'UPSTREAM_RATE_LIMIT',
      `must look like 1000/60s (calls/window, window in ms, s, m or h), got "${rateText}"`,
    );
  }
  const perCallerText = readString(env, 'UPSTREAM_RATE_LIMIT_PER_CALLER');
  const rateLimitPerCaller = perCallerText === undefined ? null : parseRateLimit(perCallerText);
  if (perCallerText !== undefined && rateLimitPerCaller === null) {
    throw new ConfigError(
      'UPSTREAM_RATE_LIMIT_PER_CALLER',
      `must look like 100/60s (calls/window, window in ms, s, m or h), got "${perCallerText}"`,
    );
  }
  return {
    connectTimeoutMs: readInteger(env, 'UPSTREAM_CONNECT_TIMEOUT_MS', {
      min: 1,
      max: 600_000,
      default: UPSTREAM_DEFAULTS.connectTimeoutMs,
    }),
    headersTimeoutMs: readInteger(env, 'UPSTREAM_HEADERS_TIMEOUT_MS', {
      min: 1,
      max: 600_000,
      default: UPSTREAM_DEFAULTS.headersTimeoutMs,
    }),
    bodyTimeoutMs: readInteger(env, 'UPSTREAM_BODY_TIMEOUT_MS', {
      min: 1,
      max: 600_000,
      default: UPSTREAM_DEFAULTS.bodyTimeoutMs,
    }),
    maxSockets: readInteger(env, 'UPSTREAM_MAX_SOCKETS', {
      min: 1,
      max: 10_000,
      default: UPSTREAM_DEFAULTS.maxSockets,
    }),
    maxAttempts: readInteger(env, 'UPSTREAM_MAX_ATTEMPTS', { min: 1, max: 10, default: UPSTREAM_DEFAULTS.maxAttempts }),
    retryBaseDelayMs: readInteger(env, 'UPSTREAM_RETRY_BASE_DELAY_MS', {
      min: 1,
      max: 60_000,
      default: UPSTREAM_DEFAULTS.retryBaseDelayMs,
    }),
    retryMaxDelayMs: readInteger(env, 'UPSTREAM_RETRY_MAX_DELAY_MS', {
      min: 1,
      max: 600_000,
      default: UPSTREAM_DEFAULTS.retryMaxDelayMs,
    }),
    breakerThreshold: readInteger(env, 'UPSTREAM_BREAKER_THRESHOLD', {
      min: 0,
      max: 10_000,
      default: UPSTREAM_DEFAULTS.breakerThreshold,
    }),
    breakerHalfOpenAfterMs: readInteger(env, 'UPSTREAM_BREAKER_HALF_OPEN_AFTER_MS', {
      min: 1,
      max: 3_600_000,
      default: UPSTREAM_DEFAULTS.breakerHalfOpenAfterMs,
    }),
    rateLimit,
    rateLimitPerCaller,
    maxBodyBytes: readInteger(env, 'UPSTREAM_MAX_BODY_BYTES', {
      min: 1024,
      max: 1024 * 1024 * 1024,
      default: 10 * 1024 * 1024,
    }),
    clientCredentials: readClientCredentials(env, baseUrl),
  };
}

function readClientCredentials(env: Env, baseUrl: string | null): UpstreamResilienceConfig['clientCredentials'] {
  const clientId = readString(env, 'UPSTREAM_CLIENT_ID');
  const clientSecret = readSecret(env, 'UPSTREAM_CLIENT_SECRET', {
    fileName: 'UPSTREAM_CLIENT_SECRET_FILE',
    path: readString(env, 'UPSTREAM_CLIENT_SECRET_FILE'),
  });
  if (clientId === undefined && clientSecret === undefined) return null;
  if (clientId === undefined) throw new ConfigError('UPSTREAM_CLIENT_ID', 'must be set when UPSTREAM_CLIENT_SECRET is');
  if (clientSecret === undefined)
    throw new ConfigError('UPSTREAM_CLIENT_SECRET', 'must be set when UPSTREAM_CLIENT_ID is');
  // Workiva serves its token endpoint on the API host; anywhere else, say where.
  const tokenUrl =
    readBaseUrl(env, 'UPSTREAM_TOKEN_URL') ?? (baseUrl === null ? null : `${new URL(baseUrl).origin}/oauth2/token`);
  if (tokenUrl === null)
    throw new ConfigError(
      'UPSTREAM_TOKEN_URL',
      'must be set when client credentials are set without UPSTREAM_BASE_URL',
    );
  return { clientId, clientSecret, tokenUrl, scope: readString(env, 'UPSTREAM_TOKEN_SCOPE') ?? null };
}

// An operation within the upstream-call budget must never meet the alias limit first: asking for N distinct runs
// takes N - 1 aliases, so by default the alias limit is the budget plus room for aliased fields inside each run.
const ALIASES_BEYOND_UPSTREAM_BUDGET = 10;

function loadOperationLimits(env: Env): OperationLimitsConfig {
  const maxUpstreamCallsPerOperation = readInteger(env, 'MAX_UPSTREAM_CALLS_PER_OPERATION', {
    min: 1,
    max: 10_000,
    default: 50,
  });
  return {
    maxRequestBodyBytes: readInteger(env, 'MAX_REQUEST_BODY_BYTES', {
      min: 1024,
      max: 100 * 1024 * 1024,
      default: 1024 * 1024,
    }),
    maxQueryLength: readInteger(env, 'MAX_QUERY_LENGTH', { min: 100, max: 10_000_000, default: 100_000 }),
    maxDepth: readInteger(env, 'MAX_QUERY_DEPTH', { min: 2, max: 1000, default: 40 }),
    maxAliases: readInteger(env, 'MAX_QUERY_ALIASES', {
      min: 0,
      max: 10_000,
      default: maxUpstreamCallsPerOperation + ALIASES_BEYOND_UPSTREAM_BUDGET,
    }),
    maxTokens: readInteger(env, 'MAX_QUERY_TOKENS', { min: 10, max: 1_000_000, default: 5000 }),
    maxCost: readInteger(env, 'MAX_QUERY_COST', { min: 10, max: 10_000_000, default: 5000 }),
    maxDirectives: readInteger(env, 'MAX_QUERY_DIRECTIVES', { min: 0, max: 10_000, default: 50 }),
    maxUpstreamCallsPerOperation,
  };
}

/** See docs/observability.md. */
export interface TelemetryConfig {
  /** METRICS: Prometheus metrics at GET /metrics. */
  metrics: boolean;
  /** METRICS_MAX_OPERATION_NAMES: distinct operation names given their own series; later ones are `other`. */
  maxOperationNames: number;
  tracing: TracingConfig;
  /** OTEL_METRICS_EXPORTER=otlp: the same metrics pushed over OTLP/HTTP; null (default) → none. */
  otlpMetrics: OtlpMetricsConfig | null;
}

export interface TracingConfig {
  /** Where spans go (OTLP over HTTP); null → no spans are made or exported. */
  otlpTracesUrl: string | null;
  serviceName: string;
}

// The standard OpenTelemetry variables; a traces-specific endpoint is used as given, the generic one gets /v1/traces.
function loadTelemetry(env: Env): TelemetryConfig {
  const exporter = readChoice(env, 'OTEL_TRACES_EXPORTER', { choices: ['otlp', 'none'] as const, default: 'otlp' });
  const tracesEndpoint = readBaseUrl(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const endpoint = readBaseUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const otlpTracesUrl =
    exporter === 'none' ? null : (tracesEndpoint ?? (endpoint === null ? null : `${endpoint}/v1/traces`));
  const serviceName = readString(env, 'OTEL_SERVICE_NAME') ?? 'process-runs-gateway';
  if (!/^[\w.\-/]{1,100}$/.test(serviceName)) {
    throw new ConfigError(
      'OTEL_SERVICE_NAME',
      `must be 1 to 100 letters, digits, ".", "-", "_" or "/", got "${serviceName}"`,
    );
  }
  const metrics = readBoolean(env, 'METRICS', { default: true });
  return {
    metrics,
    maxOperationNames: readInteger(env, 'METRICS_MAX_OPERATION_NAMES', { min: 0, max: 10_000, default: 200 }),
    tracing: { otlpTracesUrl, serviceName },
    otlpMetrics: loadOtlpMetricsConfig(env, readBaseUrl, serviceName, metrics),
  };
}
