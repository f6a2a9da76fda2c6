// `npm run sdl`: writes the subgraph SDL to sdl/subgraph.graphql (committed; CI's schema check compares it with
// what is served). With no argument it prints to stdout, for composition tools (rover, hive).
import { writeFileSync } from 'node:fs';
import { subgraphSdl } from './subgraph-sdl';

const target = process.argv[2];
if (target) writeFileSync(target, `${subgraphSdl()}\n`);
else process.stdout.write(`${subgraphSdl()}\n`);
