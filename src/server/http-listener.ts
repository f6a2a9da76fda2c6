import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpListener {
  server: Server;
  /** http://host:port, with a wildcard host replaced by the loopback address (something a client can call). */
  url: string;
  /** Stop accepting, let in-flight requests finish within the grace period. Resolves true when all finished. */
  close(graceMs: number): Promise<boolean>;
}

/** `attach` sees the server before it listens (e.g. to take WebSocket upgrades on the same port). */
export async function listen(
  handler: RequestListener,
  port: number,
  host: string,
  attach?: (server: Server) => void,
): Promise<HttpListener> {
  const server = createServer(handler);
  attach?.(server);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  const callable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return { server, url: `http://${callable}:${bound}`, close: (graceMs) => closeWithin(server, graceMs) };
}

/** server.close() waits for in-flight requests; idle keep-alive sockets are closed as they become idle. */
function closeWithin(server: Server, graceMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let forced = false;
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    // Grace over: cut the connections still open; the shutdown then reports that it was not clean.
    const force = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve(!forced);
    });
    server.closeIdleConnections();
  });
}
