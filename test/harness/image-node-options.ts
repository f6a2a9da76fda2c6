// The Node flags the production image runs with, read from the Dockerfile's ENV NODE_OPTIONS: the one place they are written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DOCKERFILE = join(__dirname, '..', '..', 'Dockerfile');

/** The image's NODE_OPTIONS (e.g. `--max-semi-space-size=32 --max-old-space-size=256`), or undefined if none is set. */
export function imageNodeOptions(): string | undefined {
  return /^ENV NODE_OPTIONS="?([^"\n]*)"?$/m.exec(readFileSync(DOCKERFILE, 'utf8'))?.[1];
}
