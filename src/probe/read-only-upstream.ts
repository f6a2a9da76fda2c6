import type { ProcessesClient, UpstreamCall, UpstreamRead } from '../upstream/processes-client';

/** All the probe can ask of the upstream: GET reads. It holds this, never the client, so it cannot reach a write. */
export interface ReadOnlyUpstream {
  read(read: UpstreamRead): Promise<unknown>;
}

export function readOnly(client: ProcessesClient, call: UpstreamCall): ReadOnlyUpstream {
  return { read: (read) => client.readJson(read, call) };
}
