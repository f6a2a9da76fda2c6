import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { seedProcessRun } from '../../src/demo/fixtures';
import { RunDocument } from '../generated/graphql';
import { execute, json, TEST_TOKEN, withGateway, type FakeUpstream } from '../harness';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN_ID = 'b7ad6b7169203331';
const INCOMING = `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`;

function describeSpans(spans: ReadableSpan[]) {
  return spans.map((span) => ({
    name: span.name,
    kind: span.kind,
    scope: span.instrumentationScope.name,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    status: span.status.code,
    httpStatus: span.attributes['http.response.status_code'],
  }));
}

describe('tracing – SDK spans for the operation and its undici calls, trace ids on log lines', () => {
  // One per test: stopping a gateway shuts its exporter down for good.
  let exporter: InMemorySpanExporter;
  beforeEach(() => {
    exporter = new InMemorySpanExporter();
  });

  it('the operation span continues the caller trace and the upstream call is its undici child span', async () => {
    const requestId = 'trace-test-ok-1';
    const sent = await withGateway(
      {},
      async (gateway) => {
        const response = await execute(
          gateway,
          RunDocument,
          { id: seedProcessRun.id },
          { headers: { authorization: TEST_TOKEN, traceparent: INCOMING, 'x-request-id': requestId } },
        );
        expect(response.body).toEqual({ data: { processRun: { id: seedProcessRun.id, name: seedProcessRun.name } } });
        expect(gateway.upstream.runRequests).toHaveLength(1);
        const lines = gateway.logs.entries.filter((entry) => entry.requestId === requestId);
        // Read before the gateway stops: shutting the provider down empties the in-memory exporter.
        return {
          traceparent: gateway.upstream.runRequests[0]!.headers.traceparent,
          lines,
          spans: describeSpans(exporter.getFinishedSpans()),
        };
      },
      { spanExporter: exporter, upstream: (upstream: FakeUpstream) => upstream.serveRun(seedProcessRun) },
    );
    const { spans } = sent;
    const operation = spans.find((span) => span.name === 'query.Run');
    const call = spans.find((span) => span.scope === '@opentelemetry/instrumentation-undici');
    expect(operation).toMatchObject({
      kind: SpanKind.SERVER,
      traceId: TRACE_ID,
      parentSpanId: CALLER_SPAN_ID,
      status: SpanStatusCode.UNSET,
    });
    expect(call).toMatchObject({
      name: 'GET /processRuns/{id}',
      kind: SpanKind.CLIENT,
      traceId: TRACE_ID,
      parentSpanId: operation!.spanId,
      httpStatus: 200,
    });
    // Exactly one traceparent upstream (a second one would be joined in with ", "): the undici span's, not the caller's.
    expect(sent.traceparent).toBe(`00-${TRACE_ID}-${call!.spanId}-01`);
    // Every line this request logged carries the trace; the log of the request itself is among them.
    expect(sent.lines.length).toBeGreaterThanOrEqual(2);
    expect(sent.lines.map((line) => [line.trace_id, line.span_id])).toEqual(
      sent.lines.map(() => [TRACE_ID, operation!.spanId]),
    );
  });

  it('an upstream 503 marks the undici span and the operation span as errors', async () => {
    const spans = await withGateway(
      {},
      async (gateway) => {
        const response = await execute(
          gateway,
          RunDocument,
          { id: seedProcessRun.id },
          { headers: { authorization: TEST_TOKEN } },
        );
        expect(response.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
        return describeSpans(exporter.getFinishedSpans());
      },
      {
        spanExporter: exporter,
        upstream: (upstream: FakeUpstream) =>
          upstream.onRun(seedProcessRun.id, (_request, response) =>
            json(response, 503, { code: '503', message: 'down' }),
          ),
      },
    );
    const operation = spans.find((span) => span.name === 'query.Run');
    const calls = spans.filter((span) => span.scope === '@opentelemetry/instrumentation-undici');
    expect(operation).toMatchObject({ kind: SpanKind.SERVER, status: SpanStatusCode.ERROR });
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const call of calls)
      expect(call).toMatchObject({
        kind: SpanKind.CLIENT,
        traceId: operation!.traceId,
        parentSpanId: operation!.spanId,
        httpStatus: 503,
        status: SpanStatusCode.ERROR,
      });
  });

  it('without a span exporter or endpoint, log lines carry no trace ids', async () => {
    await withGateway(
      { OTEL_EXPORTER_OTLP_ENDPOINT: '' },
      async (gateway) => {
        await execute(
          gateway,
          RunDocument,
          { id: seedProcessRun.id },
          { headers: { authorization: TEST_TOKEN, traceparent: INCOMING, 'x-request-id': 'trace-test-off-1' } },
        );
        const lines = gateway.logs.entries.filter((entry) => entry.requestId === 'trace-test-off-1');
        expect(lines.length).toBeGreaterThanOrEqual(1);
        expect(lines.filter((line) => 'trace_id' in line || 'span_id' in line)).toEqual([]);
      },
      { upstream: (upstream: FakeUpstream) => upstream.serveRun(seedProcessRun) },
    );
  });
});
