import type { Logger } from 'pino';

export type DriftKind =
  'enum' | 'run-node' | 'job-arguments' | 'job-metadata' | 'assignee' | 'process-node' | 'embedded-run';

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
    this.logger.warn(
      { drift: { kind, name, value: value.slice(0, 200) } },
      'upstream sent a value the schema does not know',
    );
  }

  /**
   * A reporter for one execution whose answer may be thrown away (the fast path's, recomputed by graphql-js when it
   * has errors, src/server/fast-execute.ts): its sightings reach this reporter only on commit(), so a re-run that
   * sees them again does not count them twice.
   */
  held(): HeldDriftReporter {
    return new HeldDriftReporter(this.logger, this);
  }
}

export class HeldDriftReporter extends UpstreamDriftReporter {
  private pending: Array<[DriftKind, string, string]> | null = null;

  constructor(
    logger: Logger,
    private readonly target: UpstreamDriftReporter,
  ) {
    super(logger);
  }

  override report(kind: DriftKind, name: string, value: string): void {
    (this.pending ??= []).push([kind, name, value]);
  }

  /** Hands the held sightings to the reporter this was made from; later ones are held again. */
  commit(): void {
    const pending = this.pending;
    this.pending = null;
    if (pending) for (const [kind, name, value] of pending) this.target.report(kind, name, value);
  }
}
