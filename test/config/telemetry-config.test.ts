import { loadConfig } from '../../src/config/config';

describe('telemetry – configuration is validated at start', () => {
  it.each([
    [{ METRICS: 'sometimes' }, 'METRICS'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'ftp://collector/v1/traces' }, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'],
    [{ OTEL_TRACES_EXPORTER: 'jaeger' }, 'OTEL_TRACES_EXPORTER'],
    [{ OTEL_METRICS_EXPORTER: 'prometheus' }, 'OTEL_METRICS_EXPORTER'],
    [{ OTEL_METRICS_EXPORTER: 'otlp', METRICS: 'false' }, 'OTEL_METRICS_EXPORTER'],
    [{ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'collector:4318/v1/metrics' }, 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'],
    [{ OTEL_METRIC_EXPORT_INTERVAL: '10' }, 'OTEL_METRIC_EXPORT_INTERVAL'],
    [
      { OTEL_METRICS_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'grpc' },
      'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL',
    ],
    [{ OTEL_METRICS_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' }, 'OTEL_EXPORTER_OTLP_PROTOCOL'],
  ])('%j is refused naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(expect.objectContaining({ name: 'ConfigError', variable }));
  });

  it('the generic OTLP endpoint gets /v1/traces; a traces endpoint is used as given; metrics default on', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).telemetry).toEqual({
      metrics: true,
      maxOperationNames: 200,
      tracing: { otlpTracesUrl: 'http://collector:4318/v1/traces', serviceName: 'process-runs-gateway' },
      otlpMetrics: null,
    });
    expect(
      loadConfig({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/custom',
        OTEL_SERVICE_NAME: 'gw',
        METRICS: 'off',
      }).telemetry,
    ).toEqual({
      metrics: false,
      maxOperationNames: 200,
      tracing: { otlpTracesUrl: 'http://c:4318/custom', serviceName: 'gw' },
      otlpMetrics: null,
    });
    expect(loadConfig({}).telemetry.tracing.otlpTracesUrl).toBeNull();
  });

  it('OTEL_METRICS_EXPORTER=otlp: the metrics endpoint as given, else the generic one with /v1/metrics, else localhost', () => {
    expect(
      loadConfig({
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
        OTEL_SERVICE_NAME: 'gw',
      }).telemetry.otlpMetrics,
    ).toEqual({
      url: 'http://collector:4318/v1/metrics',
      intervalMs: 60_000,
      serviceName: 'gw',
    });
    expect(
      loadConfig({
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://m:4318/in',
        OTEL_METRIC_EXPORT_INTERVAL: '5000',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      }).telemetry.otlpMetrics,
    ).toEqual({
      url: 'http://m:4318/in',
      intervalMs: 5000,
      serviceName: 'process-runs-gateway',
    });
    expect(loadConfig({ OTEL_METRICS_EXPORTER: 'otlp' }).telemetry.otlpMetrics?.url).toBe(
      'http://localhost:4318/v1/metrics',
    );
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).telemetry.otlpMetrics).toBeNull();
  });
});
