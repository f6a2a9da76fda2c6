import type { RequestListener } from 'node:http';
import { hostAllowed } from './origin-policy';

// Probes (kubelet, load balancers) and Prometheus address a replica by its IP: they must not need a listed name,
// and none of these paths acts on anything.
const PROBE_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * ALLOWED_HOSTS: a request for an unlisted Host (DNS rebinding, a stray vhost) gets 421 before Yoga sees it — in
 * front of the handler, because Yoga runs its own GraphiQL and CORS steps before any plugin.
 */
export function guardAllowedHosts(handler: RequestListener, allowedHosts: ReadonlySet<string> | null): RequestListener {
  if (allowedHosts === null) return handler;
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (PROBE_PATHS.has(path) || hostAllowed(allowedHosts, request.headers.host)) return handler(request, response);
    request.resume();
    response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    response.end('Misdirected Request: this Host is not served here (ALLOWED_HOSTS)\n');
  };
}
