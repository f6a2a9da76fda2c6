import type { Plugin } from 'graphql-yoga';
import { hostAllowed } from '../origin-policy';

// Probes (kubelet, load balancers) address a replica by its IP: they must not need a listed name, and answer nothing secret.
const PROBE_PATHS = new Set(['/health', '/ready']);

/** ALLOWED_HOSTS: a request for an unlisted Host (DNS rebinding, a stray vhost) gets 421 before any other work. */
export function useAllowedHosts(allowedHosts: ReadonlySet<string>): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (PROBE_PATHS.has(url.pathname) || hostAllowed(allowedHosts, request.headers.get('host'))) return;
      endResponse(
        new fetchAPI.Response('Misdirected Request: this Host is not served here (ALLOWED_HOSTS)\n', {
          status: 421,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        }),
      );
    },
  };
}
