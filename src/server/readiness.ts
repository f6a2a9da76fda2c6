/** Whether this process should receive traffic: false before start-up completes and once shutdown begins. */
export class Readiness {
  private started = false;
  private stopping = false;
  private readonly checks: Array<() => string | null> = [];
  private readonly detailSources = new Map<string, () => string | null>();

  markStarted(): void {
    this.started = true;
  }

  markStopping(): void {
    this.stopping = true;
  }

  /** A check returns why the process is not ready, or null. */
  addCheck(check: () => string | null): void {
    this.checks.push(check);
  }

  /** Shown in /ready's body without deciding readiness (e.g. redis: up/down: requests never wait on Redis); null: left out. */
  addDetail(name: string, read: () => string | null): void {
    this.detailSources.set(name, read);
  }

  /** Null when there are none, so a plain gateway's /ready stays an empty 200. */
  details(): Record<string, string> | null {
    const shown: Record<string, string> = {};
    for (const [name, read] of this.detailSources) {
      const value = read();
      if (value !== null) shown[name] = value;
    }
    return Object.keys(shown).length === 0 ? null : shown;
  }

  /** Null when ready, else the reason. */
  problem(): string | null {
    if (!this.started) return 'starting';
    if (this.stopping) return 'shutting down';
    for (const check of this.checks) {
      const problem = check();
      if (problem) return problem;
    }
    return null;
  }
}
