/** One upstream call's time budget, retries and token fetches included. */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly endsAt: number;

  constructor(readonly totalMs: number) {
    this.signal = AbortSignal.timeout(totalMs);
    this.endsAt = performance.now() + totalMs;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - performance.now());
  }

  get passed(): boolean {
    return this.signal.aborted || this.remainingMs() <= 0;
  }
}
