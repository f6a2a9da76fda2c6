import { loadConfig } from '../../src/config/config';

describe('telemetry – configuration is validated at start', () => {
  it.each([
    [{ METRICS: 'sometimes' }, 'METRICS'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'ftp://collector/v1/traces' }, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'],
    [{ OTEL_TRACES_EXPORTER: 'jaeger' }, 'OTEL_TRACES_EXPORTER'],
  ])('%j is refused naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(expect.objectContaining({ name: 'ConfigError', variable }));
  });

  it('the generic OTLP endpoint gets /v1/traces; a traces endpoint is used as given; metrics default on', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).telemetry).toEqual({
      metrics: true,
      maxOperationNames: 200,
      tracing: { otlpTracesUrl: 'http://collector:4318/v1/traces', serviceName: 'process-runs-gateway' },
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/custom', OTEL_SERVICE_NAME: 'gw', METRICS: 'off' }).telemetry).toEqual({
      metrics: false,
      maxOperationNames: 200,
      tracing: { otlpTracesUrl: 'http://c:4318/custom', serviceName: 'gw' },
    });
    expect(loadConfig({}).telemetry.tracing.otlpTracesUrl).toBeNull();
  });
});
