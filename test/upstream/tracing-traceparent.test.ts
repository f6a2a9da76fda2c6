import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedProcessRun } from '../../src/demo/fixtures';
import { RunDocument } from '../generated/graphql';
import { execute, TEST_TOKEN, withGateway, type FakeUpstream } from '../harness';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const INCOMING = `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`;
const QUERY = RunDocument;
const SERVED = { data: { processRun: { id: seedProcessRun.id, name: seedProcessRun.name } } };
const serveSeed = { upstream: (upstream: FakeUpstream) => upstream.serveRun(seedProcessRun) };

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
}

/** A stand-in OTLP/HTTP collector: keeps every span it is sent. */
class FakeCollector {
  readonly spans: ExportedSpan[] = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: Array<{ scopeSpans: Array<{ spans: ExportedSpan[] }> }>;
        };
        for (const resource of body.resourceSpans)
          for (const scope of resource.scopeSpans) this.spans.push(...scope.spans);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

describe('tracing – W3C trace context reaches the upstream', () => {
  // The collector is this suite's own fake; each test runs its own gateway variant and stops it (which flushes the
  // exporter) before looking at what was exported.
  let collector: FakeCollector;
  beforeAll(async () => {
    collector = await new FakeCollector().start();
  });
  afterEach(() => {
    collector.spans.length = 0;
  });
  afterAll(async () => {
    await collector.stop();
  });

  it('without an exporter, the caller traceparent and tracestate go upstream unchanged and nothing is exported', async () => {
    await withGateway(
      { OTEL_EXPORTER_OTLP_ENDPOINT: '' },
      async (gateway) => {
        const response = await execute(
          gateway,
          QUERY,
          { id: seedProcessRun.id },
          { headers: { authorization: TEST_TOKEN, traceparent: INCOMING, tracestate: 'vendor=1' } },
        );
        expect(response.body).toEqual(SERVED);
        expect(
          gateway.upstream.runRequests.map((request) => [request.headers.traceparent, request.headers.tracestate]),
        ).toEqual([[INCOMING, 'vendor=1']]);
      },
      serveSeed,
    );
    expect(collector.spans).toEqual([]);
  });

  it('with OTEL_EXPORTER_OTLP_ENDPOINT, the upstream gets its own span id in the caller trace, and both spans are exported', async () => {
    const upstreamSpanId = await withGateway(
      { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url },
      async (gateway) => {
        const response = await execute(
          gateway,
          QUERY,
          { id: seedProcessRun.id },
          { headers: { authorization: TEST_TOKEN, traceparent: INCOMING } },
        );
        expect(response.body).toEqual(SERVED);

        expect(gateway.upstream.runRequests).toHaveLength(1);
        const sent = String(gateway.upstream.runRequests[0]!.headers.traceparent);
        const [version, traceId, spanId, flags] = sent.split('-');
        expect([version, traceId, flags]).toEqual(['00', TRACE_ID, '01']);
        expect(spanId).toMatch(/^[0-9a-f]{16}$/);
        expect(spanId).not.toBe(CALLER_SPAN_ID);
        return spanId;
      },
      serveSeed,
    ); // stopping the gateway flushes the batch of spans
    const operation = collector.spans.find((span) => span.name === 'query.Run');
    const call = collector.spans.find((span) => span.name === 'GET /processRuns/{id}');
    expect(operation).toMatchObject({ traceId: TRACE_ID, parentSpanId: CALLER_SPAN_ID, kind: 2 });
    expect(call).toMatchObject({ traceId: TRACE_ID, spanId: upstreamSpanId, parentSpanId: operation!.spanId, kind: 3 });
  });

  it('with an exporter and no caller traceparent, the upstream call starts a new trace of its own', async () => {
    await withGateway(
      { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url },
      async (gateway) => {
        await execute(gateway, QUERY, { id: seedProcessRun.id });
        const sent = String(gateway.upstream.runRequests[0]!.headers.traceparent);
        expect(sent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
        expect(sent.split('-')[1]).not.toBe(TRACE_ID);
      },
      serveSeed,
    );
  });

  it('OTEL_TRACES_EXPORTER=none keeps tracing off even with an endpoint', async () => {
    await withGateway(
      { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_TRACES_EXPORTER: 'none' },
      async (gateway) => {
        await execute(
          gateway,
          QUERY,
          { id: seedProcessRun.id },
          { headers: { authorization: TEST_TOKEN, traceparent: INCOMING } },
        );
        expect(gateway.upstream.runRequests[0]!.headers.traceparent).toBe(INCOMING);
      },
      serveSeed,
    );
    expect(collector.spans).toEqual([]);
  });
});
