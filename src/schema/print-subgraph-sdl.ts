// `npm run --silent sdl > subgraph.graphql`: the subgraph SDL for composition (rover, hive, a CI schema check).
import { subgraphSdl } from './subgraph-sdl';

process.stdout.write(`${subgraphSdl()}\n`);
