// Plain HTTP for what is not a GraphQL operation: health and readiness, /metrics, GraphiQL pages and assets.

export interface HttpResult {
  status: number;
  headers: Headers;
  contentType: string | null;
  text: string;
  /** The body as sent, for binary assets. */
  bytes: Buffer;
}

/** GET `path` on the gateway and read the whole body. */
export async function httpGet(
  gateway: { url: string },
  path: string,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const response = await fetch(`${gateway.url}${path}`, { headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get('content-type'),
    text: bytes.toString('utf8'),
    bytes,
  };
}

/** GET /graphql as a browser asks for it. */
export async function openGraphiQL(gateway: { url: string }): Promise<HttpResult & { html: string }> {
  const page = await httpGet(gateway, '/graphql', { accept: 'text/html' });
  return { ...page, html: page.text };
}

/** The options object the GraphiQL page passes to renderYogaGraphiQL. */
export function graphiqlOptionsIn(html: string): Record<string, any> {
  const match = /renderYogaGraphiQL\(document\.querySelector\('#root'\), (.*)\);\n/.exec(html);
  if (!match) throw new Error(`no GraphiQL options in the page:\n${html.slice(0, 2000)}`);
  return JSON.parse(match[1]!) as Record<string, any>;
}

/** GET /metrics (Prometheus text); fails unless it answers 200 text/plain. */
export async function scrapeMetrics(gateway: { url: string }): Promise<string> {
  const response = await httpGet(gateway, '/metrics');
  if (response.status !== 200 || !response.contentType?.includes('text/plain')) {
    throw new Error(`GET /metrics: HTTP ${response.status} ${response.contentType}\n${response.text.slice(0, 500)}`);
  }
  return response.text;
}

/** The value of one sample of the Prometheus text, or 0 when the series does not exist yet. */
export function metricSample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(/,(?=[a-zA-Z_]\w*=")/);
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return 0;
}

/** The sum of a series over all its label sets (0 when it does not exist yet). */
export function metricTotal(text: string, name: string): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
