// node:http for what fetch will not send as given (a chosen Host header) or not stop reading (an SSE stream's headers).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, or its first chunk for a stream (text/event-stream), after which the request is abandoned. */
  text: string;
}

export function rawRequest(
  gatewayUrl: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const url = new URL(options.path ?? '/graphql', gatewayUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, setHost: !options.headers?.host },
      (response) => {
        const streaming = String(response.headers['content-type'] ?? '').includes('text/event-stream');
        const chunks: Buffer[] = [];
        const done = () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (streaming) {
            done();
            request.destroy();
          }
        });
        response.on('end', done);
        response.on('error', () => undefined);
      },
    );
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}
