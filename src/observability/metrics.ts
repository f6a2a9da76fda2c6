import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { causeOf } from '../errors/error-codes';
import type { UpstreamEvents } from '../upstream/upstream-events';
import type { DriftListener } from '../upstream/upstream-drift';
import type { WriteObserver } from '../writes/perform-write';
import { OperationNameLabels } from './operation-name-labels';

export interface GatewayMetrics {
  /** One per app: tests build many apps in one process, and the global registry rejects duplicate names. */
  registry: Registry;
  plugins: Plugin[];
  upstreamEvents: UpstreamEvents;
  onDrift: DriftListener;
  onLoaderBatch(size: number): void;
  onWrite: WriteObserver;
  onIdempotencyDecision(decision: string): void;
}

const BREAKER_STATE = { closed: 0, 'half-open': 1, open: 2 } as const;

/** Prometheus metrics served at GET /metrics: operations (Yoga's plugin), error codes, upstream calls, drift. */
export interface GatewayMetricsOptions {
  /** METRICS_MAX_OPERATION_NAMES: distinct operation names labelled as such; the rest are `other`. */
  maxOperationNames: number;
  /** With trusted documents: their operation names, the only ones labelled. */
  trustedOperationNames: ReadonlySet<string> | null;
}

export function createGatewayMetrics({
  maxOperationNames,
  trustedOperationNames,
}: GatewayMetricsOptions): GatewayMetrics {
  const registry = new Registry();
  const names = new OperationNameLabels(maxOperationNames, trustedOperationNames);
  const operationLabels = (params: { document?: DocumentNode }, context: unknown) => {
    const labels = operationLabelsOf(params, context);
    return { ...labels, operationName: names.label(labels.operationName) };
  };
  collectDefaultMetrics({ register: registry });

  const errors = new Counter({
    name: 'gateway_graphql_errors_total',
    help: "GraphQL errors in responses, by extensions.code and cause (client: the caller's mistake; upstream; internal: a bug)",
    labelNames: ['code', 'cause'],
    registers: [registry],
  });
  const upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Duration of each upstream HTTP attempt, by endpoint (the name of the upstream client method, e.g. getProcessRun, runProcess), status ("none" when no answer arrived) and outcome',
    labelNames: ['endpoint', 'status', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'gateway_upstream_retries_total',
    help: 'Upstream attempts retried, by endpoint and reason',
    labelNames: ['endpoint', 'reason'],
    registers: [registry],
  });
  const breakerState = new Gauge({
    name: 'gateway_upstream_breaker_state',
    help: 'Upstream circuit breaker state: 0 closed, 1 half-open, 2 open',
    labelNames: ['origin'],
    registers: [registry],
  });
  const breakerTransitions = new Counter({
    name: 'gateway_upstream_breaker_transitions_total',
    help: 'Upstream circuit breaker state changes, by new state',
    labelNames: ['origin', 'state'],
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'gateway_loader_batch_size',
    help: 'Distinct keys fetched together by one loader batch (process runs, processes, process list pages)',
    buckets: [1, 2, 5, 10, 20, 50, 100],
    registers: [registry],
  });
  // Label by kind and schema name only: the unknown value itself is unbounded (it is logged once instead).
  const drift = new Counter({
    name: 'gateway_upstream_drift_total',
    help: 'Upstream values the schema does not know (unknown enum values, node types, variants), by kind and name',
    labelNames: ['kind', 'name'],
    registers: [registry],
  });

  const mutations = new Counter({
    name: 'gateway_mutations_total',
    help: 'Mutations finished, by mutation and outcome (ok, invalid_input, failed, unknown, applied)',
    labelNames: ['mutation', 'outcome'],
    registers: [registry],
  });

  const idempotency = new Counter({
    name: 'gateway_idempotency_decisions_total',
    help: 'Mutations decided by their Idempotency-Key: claimed, replayed, in_use, reused, unavailable, malformed, required',
    labelNames: ['decision'],
    registers: [registry],
  });

  const countErrorCodes: Plugin = {
    onResultProcess({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        const list = (single as { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }).errors;
        if (!list) continue;
        for (const error of list) {
          const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          errors.inc({ code, cause: causeOf(code) });
        }
      }
    },
  };

  return {
    registry,
    plugins: [
      usePrometheus({
        registry,
        endpoint: '/metrics',
        // Operation count and duration by name, HTTP duration; per-phase and per-field series cost more than they tell.
        metrics: {
          graphql_envelop_request: createCounter({
            registry,
            counter: {
              name: 'graphql_envelop_request',
              help: 'GraphQL operations executed, by operation name and type',
              labelNames: ['operationName', 'operationType'],
            },
            fillLabelsFn: operationLabels,
            phases: ['execute', 'subscribe'],
          }),
          graphql_envelop_request_duration: createHistogram({
            registry,
            histogram: {
              name: 'graphql_envelop_request_duration',
              help: 'Time spent executing the GraphQL operation (a subscription: until its stream ends), by operation name and type',
              labelNames: ['operationName', 'operationType'],
            },
            fillLabelsFn: operationLabels,
            phases: ['execute', 'subscribe'],
          }),
          graphql_yoga_http_duration: createHistogram({
            registry,
            histogram: {
              name: 'graphql_yoga_http_duration',
              help: 'Time spent on HTTP connection',
              labelNames: ['operationName', 'operationType', 'method', 'statusCode'],
            },
            // The plugin's own labels, with the operation name bounded like the series above.
            fillLabelsFn: (
              params: { operationName?: string; operationType?: string },
              { request, response }: { request: Request; response: Response },
            ) => ({
              method: request.method,
              statusCode: response.status,
              operationType: params.operationType || 'unknown',
              operationName: names.label(params.operationName || 'Anonymous'),
            }),
            phases: ['request'],
          } as never),
          graphql_envelop_request_time_summary: false,
          graphql_envelop_phase_parse: false,
          graphql_envelop_phase_validate: false,
          graphql_envelop_phase_context: false,
          graphql_envelop_phase_execute: false,
          graphql_envelop_phase_subscribe: false,
          graphql_envelop_error_result: false,
          graphql_envelop_deprecated_field: false,
          graphql_envelop_schema_change: false,
          graphql_envelop_execute_resolver: false,
        },
        // The request URL would give every query string its own series.
        labels: { url: false },
      }),
      countErrorCodes,
    ],
    upstreamEvents: {
      callFinished: ({ endpoint, status, durationMs, outcome }) =>
        upstreamDuration.observe(
          { endpoint, status: status === null ? 'none' : String(status), outcome },
          durationMs / 1000,
        ),
      retry: ({ endpoint, reason }) => retries.inc({ endpoint, reason }),
      breakerStateChanged: (state, origin = 'upstream') => {
        breakerState.set({ origin }, BREAKER_STATE[state]);
        breakerTransitions.inc({ origin, state });
      },
    },
    onDrift: (kind, name) => drift.inc({ kind, name }),
    onLoaderBatch: (size) => batchSize.observe(size),
    onWrite: (mutation, outcome) => mutations.inc({ mutation, outcome }),
    onIdempotencyDecision: (decision) => idempotency.inc({ decision }),
  };
}

// The plugin's own labels take the document's first definition, which is a fragment when a client (like the
// examples' RunJobs) puts its fragments first: label by the operation that actually runs instead.
function operationLabelsOf(
  params: { document?: DocumentNode },
  context: unknown,
): { operationName: string; operationType: string } {
  const requested = (context as { params?: { operationName?: string | null } } | undefined)?.params?.operationName;
  const operation = params.document ? getOperationAST(params.document, requested ?? undefined) : null;
  return { operationName: operation?.name?.value ?? 'Anonymous', operationType: operation?.operation ?? 'unknown' };
}
