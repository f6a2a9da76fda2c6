// The Node flags the gateway runs with are chosen by measurement (docs/decisions/performance-history.md): `npm start`, the Docker image and
// the bench's gateway rows must use the same young-generation size, or the bench measures something nobody runs. The image
// adds one old-space bound, sized for the Deployment's memory limit (test/config/deploy-manifests.test.ts checks the fit).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageNodeOptions } from '../harness/image-node-options';

const root = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

describe('Node flags: npm start, the Dockerfile and the bench agree', () => {
  it('uses one young-generation size everywhere', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!;
    const startFlags = /^node (?:scripts\/node24\.js )?(.*) dist\/index\.js$/.exec(start)?.[1];
    const benchFlags = /const GATEWAY_NODE_OPTIONS = process\.env\.BENCH_GATEWAY_NODE_OPTIONS \?\? '(.*)';/.exec(
      read('bench/run.js'),
    )?.[1];
    expect(startFlags).toMatch(/^--max-semi-space-size=\d+$/);
    expect(benchFlags).toBe(startFlags);
    // The image: the same young generation, plus the old-space bound and nothing else.
    expect(imageNodeOptions()).toMatch(/^--max-semi-space-size=\d+ --max-old-space-size=\d+$/);
    expect(imageNodeOptions()!.split(' ')[0]).toBe(startFlags);
  });
});
