import type { Logger } from 'pino';

export type DriftKind = 'enum' | 'run-node' | 'job-arguments' | 'job-metadata' | 'assignee' | 'process-node' | 'embedded-run';

export type DriftListener = (kind: DriftKind, name: string, value: string) => void;

const MAX_REMEMBERED = 1_000;

/**
 * Values the upstream sends that this schema does not know yet. Each is logged once per process (bounded, so a
 * misbehaving upstream cannot grow memory); listeners (metrics) see every sighting.
 */
export class UpstreamDriftReporter {
  private readonly seen = new Set<string>();
  private readonly listeners: DriftListener[] = [];

  constructor(private readonly logger: Logger) {}

  onSighting(listener: DriftListener): void {
    this.listeners.push(listener);
  }

  report(kind: DriftKind, name: string, value: string): void {
    for (const listener of this.listeners) listener(kind, name, value);
    const key = `${kind}\u0000${name}\u0000${value}`;
    if (this.seen.has(key) || this.seen.size >= MAX_REMEMBERED) return;
    this.seen.add(key);
    this.logger.warn({ drift: { kind, name, value: value.slice(0, 200) } }, 'upstream sent a value the schema does not know');
  }
}
