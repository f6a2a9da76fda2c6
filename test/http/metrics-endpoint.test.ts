import { seedProcessRun } from '../../src/demo/fixtures';
import {
  FlakyDocument,
  MissingDocument,
  RunIdDocument,
  RunStatusDocument,
  SeedRunDocument,
} from '../generated/graphql';
import { execute, expectNoErrors, httpGet, json, metricSample, scrapeMetrics, useGateway } from '../harness';

const sample = metricSample;
const scrape = scrapeMetrics;

describe('metrics – GET /metrics counters move with operations and upstream failures', () => {
  const t = useGateway({
    env: {
      UPSTREAM_MAX_ATTEMPTS: '2',
      UPSTREAM_RETRY_BASE_DELAY_MS: '1',
      UPSTREAM_RETRY_MAX_DELAY_MS: '5',
      UPSTREAM_BREAKER_THRESHOLD: '2',
      UPSTREAM_BREAKER_HALF_OPEN_AFTER_MS: '600000',
    },
  });

  it('counts an operation by name and its upstream call by status', async () => {
    t.upstream.serveRun(seedProcessRun);
    const before = await scrape(t.gateway);
    const response = await execute(t.gateway, SeedRunDocument, { id: seedProcessRun.id });
    expect(expectNoErrors(response)).toEqual({ processRun: { id: seedProcessRun.id, status: 'RUNNING' } });
    const after = await scrape(t.gateway);

    const operation = { operationName: 'SeedRun', operationType: 'query' };
    expect(sample(after, 'graphql_envelop_request_duration_count', operation)).toBe(
      sample(before, 'graphql_envelop_request_duration_count', operation) + 1,
    );
    expect(sample(after, 'graphql_envelop_request', operation)).toBe(
      sample(before, 'graphql_envelop_request', operation) + 1,
    );
    const ok = { status: '200', outcome: 'ok' };
    expect(sample(after, 'gateway_upstream_request_duration_seconds_count', ok)).toBe(
      sample(before, 'gateway_upstream_request_duration_seconds_count', ok) + 1,
    );
    expect(sample(after, 'gateway_loader_batch_size_count')).toBe(
      sample(before, 'gateway_loader_batch_size_count') + 1,
    );
    // Process metrics come with the registry.
    expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts a NOT_FOUND error by code and the upstream 404 by status', async () => {
    t.upstream.onAny((_request, response) =>
      json(response, 404, { code: '404', message: 'Could not find process run' }),
    );
    const before = await scrape(t.gateway);
    const response = await execute(t.gateway, MissingDocument);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    const after = await scrape(t.gateway);

    expect(sample(after, 'gateway_graphql_errors_total', { code: 'NOT_FOUND' })).toBe(
      sample(before, 'gateway_graphql_errors_total', { code: 'NOT_FOUND' }) + 1,
    );
    const notFound = { status: '404', outcome: 'http-error' };
    expect(sample(after, 'gateway_upstream_request_duration_seconds_count', notFound)).toBe(
      sample(before, 'gateway_upstream_request_duration_seconds_count', notFound) + 1,
    );
  });

  it('counts a request-level error (validation) by its code', async () => {
    const before = await scrape(t.gateway);
    const response = await execute(t.gateway, '{ processRun(id: "x") { noSuchField } }');
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const after = await scrape(t.gateway);
    const label = { code: 'GRAPHQL_VALIDATION_FAILED' };
    expect(sample(after, 'gateway_graphql_errors_total', label)).toBe(
      sample(before, 'gateway_graphql_errors_total', label) + 1,
    );
  });

  it('counts one loader batch of three distinct runs for three aliases', async () => {
    for (const id of ['a', 'b', 'c']) t.upstream.serveRun({ ...seedProcessRun, id });
    const before = await scrape(t.gateway);
    const response = await execute(
      t.gateway,
      '{ a: processRun(id: "a") { id } b: processRun(id: "b") { id } c: processRun(id: "c") { id } again: processRun(id: "a") { id } }',
    );
    expect(response.body).toEqual({ data: { a: { id: 'a' }, b: { id: 'b' }, c: { id: 'c' }, again: { id: 'a' } } });
    const after = await scrape(t.gateway);
    expect(sample(after, 'gateway_loader_batch_size_count')).toBe(
      sample(before, 'gateway_loader_batch_size_count') + 1,
    );
    expect(sample(after, 'gateway_loader_batch_size_sum')).toBe(sample(before, 'gateway_loader_batch_size_sum') + 3);
  });

  it('counts upstream drift by kind and schema name, never by the unknown value', async () => {
    t.upstream.serveRun({ ...seedProcessRun, id: 'drifting', status: 'hibernating' });
    const before = await scrape(t.gateway);
    const response = await execute(t.gateway, RunStatusDocument, { id: 'drifting' });
    expect(response.body).toEqual({ data: { processRun: { status: 'UNKNOWN' } } });
    const after = await scrape(t.gateway);
    const label = { kind: 'enum', name: 'RunStatus' };
    expect(sample(after, 'gateway_upstream_drift_total', label)).toBe(
      sample(before, 'gateway_upstream_drift_total', label) + 1,
    );
    expect(after).not.toContain('hibernating');
  });

  // Last in this block: it opens the breaker (threshold 2 failed calls), which stays open for 10 minutes.
  it('counts retries by reason and shows the breaker opening', async () => {
    t.upstream.onAny((_request, response) => json(response, 503, { code: '503', message: 'Service Unavailable.' }));
    const before = await scrape(t.gateway);
    expect(sample(before, 'gateway_upstream_breaker_state', { origin: new URL(t.upstream.url).origin })).toBe(0);
    for (const id of ['flaky-1', 'flaky-2']) {
      const response = await execute(t.gateway, FlakyDocument, { id });
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    }
    const after = await scrape(t.gateway);

    expect(t.upstream.runRequests).toHaveLength(4);
    const reason = { reason: 'status 503' };
    expect(sample(after, 'gateway_upstream_retries_total', reason)).toBe(
      sample(before, 'gateway_upstream_retries_total', reason) + 2,
    );
    const unavailable = { status: '503', outcome: 'http-error' };
    expect(sample(after, 'gateway_upstream_request_duration_seconds_count', unavailable)).toBe(
      sample(before, 'gateway_upstream_request_duration_seconds_count', unavailable) + 4,
    );
    const origin = { origin: new URL(t.upstream.url).origin };
    expect(sample(after, 'gateway_upstream_breaker_state', origin)).toBe(2);
    expect(sample(after, 'gateway_upstream_breaker_transitions_total', { ...origin, state: 'open' })).toBe(1);
  });
});

describe('metrics – METRICS=false turns the endpoint and the counters off', () => {
  const t = useGateway({ env: { METRICS: 'false' }, upstream: (upstream) => upstream.serveRun(seedProcessRun) });

  it('GET /metrics is 404 and operations still answer', async () => {
    const response = await execute(t.gateway, RunIdDocument, { id: 'processrun-xyz789' });
    expect(response.body).toEqual({ data: { processRun: { id: 'processrun-xyz789' } } });
    expect((await httpGet(t.gateway, '/metrics')).status).toBe(404);
  });
});
