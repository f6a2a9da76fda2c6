import { LIVE_DEMO_STEPS, liveDemoRunAt } from './fixtures/live-run';
import type { UpstreamProcessRun } from '../upstream/types';

/**
 * The live demo run's clock: a cycle starts with the first read, a job finishes every `stepMs`, and the run
 * completes. Once a read has seen it complete, the next read starts a new cycle — so every new watcher sees it move.
 */
export class MovingDemoRun {
  private cycleStartedAt: number | null = null;
  private completeSeen = false;

  constructor(
    private readonly stepMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  read(): UpstreamProcessRun {
    if (this.cycleStartedAt === null || this.completeSeen) {
      this.cycleStartedAt = this.now();
      this.completeSeen = false;
    }
    const step = Math.floor((this.now() - this.cycleStartedAt) / this.stepMs);
    if (step >= LIVE_DEMO_STEPS) this.completeSeen = true;
    return liveDemoRunAt(step);
  }
}
