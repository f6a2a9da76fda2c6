/**
 * Caller-chosen operation names as metric label values, bounded: every distinct value is a set of series held for
 * the life of the process, so a caller inventing names would grow /metrics and memory without end.
 */
export class OperationNameLabels {
  private readonly admitted = new Set<string>();

  /**
   * `trusted`: with trusted documents on, exactly their operation names (nothing else can run anyway); otherwise the
   * first `max` distinct names seen. Any other name is labelled `other`.
   */
  constructor(
    private readonly max: number,
    private readonly trusted: ReadonlySet<string> | null,
  ) {}

  label(name: string): string {
    if (name === 'Anonymous') return name;
    if (this.trusted) return this.trusted.has(name) ? name : OTHER;
    if (this.admitted.has(name)) return name;
    if (this.admitted.size >= this.max) return OTHER;
    this.admitted.add(name);
    return name;
  }
}

export const OTHER = 'other';
