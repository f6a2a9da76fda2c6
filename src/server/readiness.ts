/** Whether this process should receive traffic: false before start-up completes and once shutdown begins. */
export class Readiness {
  private started = false;
  private stopping = false;
  private readonly checks: Array<() => string | null> = [];

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
