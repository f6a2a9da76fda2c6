import { once } from 'node:events';
import { createServer } from 'node:http';

export interface OtlpPost {
  path: string;
  contentType: string | undefined;
  body: any;
}

export interface OtlpReceiver {
  url: string;
  posts: OtlpPost[];
  /** Resolves with the first POST (already received or still to come) that passes `test`. */
  waitFor(test: (post: OtlpPost) => boolean): Promise<OtlpPost>;
  close(): void;
}

/**
 * A real OTLP/HTTP receiver on 127.0.0.1 (the JSON protocol): records every POST with its parsed body and answers
 * `status(posts so far)` (default 200); null: never answers (a collector that hangs).
 */
export async function startOtlpReceiver(
  status: (received: number) => number | null = () => 200,
): Promise<OtlpReceiver> {
  const posts: OtlpPost[] = [];
  const waiting: Array<() => void> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      posts.push({
        path: request.url ?? '',
        contentType: request.headers['content-type'],
        body: text ? JSON.parse(text) : null,
      });
      const code = status(posts.length);
      if (code !== null) response.writeHead(code, { 'content-type': 'application/json' }).end('{}');
      for (const wake of waiting.splice(0)) wake();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    async waitFor(test) {
      for (;;) {
        const found = posts.find(test);
        if (found) return found;
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

type Attribute = { key: string; value: Record<string, unknown> };

/** Every metric in an OTLP/JSON metrics body. */
export const otlpMetricsOf = (post: OtlpPost): any[] =>
  post.body.resourceMetrics.flatMap((resource: any) => resource.scopeMetrics.flatMap((scope: any) => scope.metrics));

/** OTLP/JSON attributes as a plain object (each value unwrapped from its stringValue/intValue/… wrapper). */
export const otlpAttributesOf = (item: { attributes?: Attribute[] }): Record<string, unknown> =>
  Object.fromEntries((item.attributes ?? []).map(({ key, value }) => [key, Object.values(value)[0]]));
