import type { FetchAPI, Plugin } from 'graphql-yoga';
import { gatewayError } from '../../errors/gateway-error';

// Replaces Yoga's `maxRequestBodySize` (same errors, same checks) because Yoga pipes EVERY body through a
// TransformStream: a web-stream pipeline, an AbortSignal and a DOMException per request, about a quarter of a
// small query's CPU here. A body with a Content-Length needs none of that: Node's HTTP parser delivers exactly that
// many bytes (and refuses Content-Length together with Transfer-Encoding), so the header check bounds it. Only a
// body without one (chunked) is counted while it streams, as Yoga does.

const CONTENT_LENGTH = /^\d+$/;

const tooLarge = () => gatewayError('REQUEST_ENTITY_TOO_LARGE', 'Request body too large', { http: { status: 413 } });
const invalidContentLength = () =>
  gatewayError('BAD_REQUEST', 'Content-Length header is invalid.', { http: { status: 400 } });

/** 413 REQUEST_ENTITY_TOO_LARGE above `limit` bytes: from Content-Length up front, else while streaming. */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const contentLength = request.headers.get('content-length');
      if (contentLength !== null) {
        // Only one non-negative integer is valid (comma-joined values are a request-smuggling sign).
        if (!CONTENT_LENGTH.test(contentLength)) throw invalidContentLength();
        if (Number(contentLength) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((incoming) => parse(withCountedBody(incoming, limit, fetchAPI)));
    },
  };
}

function withCountedBody(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  const body = request.body;
  if (!body) return request;
  // A native ReadableStream needs the native TransformStream (graphql-yoga#4583).
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytesRead = 0;
  const counted = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        if (bytesRead > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    duplex: 'half',
  } as RequestInit);
}
