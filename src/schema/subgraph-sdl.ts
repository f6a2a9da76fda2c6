import { graphqlSync } from 'graphql';
import { buildGatewaySchema } from './build-schema';

/** The SDL this subgraph serves on `_service { sdl }` (asked the same way a router asks): what composition reads. */
export function subgraphSdl(): string {
  const result = graphqlSync({ schema: buildGatewaySchema(), source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
  return sdl;
}
