/** One upstream call's time budget, retries and token fetches included. */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly endsAt: number;
  private readonly timer: ReturnType<typeof setTimeout>;

  // Not AbortSignal.timeout: its timer cannot be cancelled, so a call that ended in time left it pending and firing
  // later for nothing (measured in docs/decisions/performance-history.md).
  constructor(readonly totalMs: number) {
    const controller = new AbortController();
    this.signal = controller.signal;
    this.timer = setTimeout(
      () => controller.abort(new DOMException('The upstream call took longer than its deadline', 'TimeoutError')),
      totalMs,
    );
    this.timer.unref();
    this.endsAt = performance.now() + totalMs;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - performance.now());
  }

  get passed(): boolean {
    return this.signal.aborted || this.remainingMs() <= 0;
  }

  /** The call is over (answered or failed): its timer goes. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
