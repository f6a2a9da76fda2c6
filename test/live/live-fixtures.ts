// A run the fake upstream serves and a test moves by hand, plus the subscription every live test sends.
import { seedProcessRun } from '../../src/demo/fixtures';
import type { UpstreamJobRun, UpstreamProcessRun } from '../../src/upstream/types';
import { json, type FakeUpstream } from '../harness';

export const LIVE_RUN_ID = 'live-run-1';

export const WATCH_RUN = /* GraphQL */ `
  subscription WatchRun($id: ID!) {
    processRunUpdated(id: $id) {
      id
      status
      revision
      jobs {
        id
        status
      }
    }
  }
`;

export interface WatchedRun {
  processRunUpdated: { id: string; status: string; revision: number; jobs: Array<{ id: string; status: string }> };
}

/** Fast polls for in-process test gateways (test/harness/gateway.ts lowers the 1000 ms floor); the rest as in production. */
export const LIVE_TEST_ENV = { LIVE_POLL_INTERVAL_MS: '40', LIVE_MAX_POLL_INTERVAL_MS: '40' };

/** A spawned gateway (dist/index.js) has the public floors: its fastest polls. */
export const LIVE_SPAWNED_ENV = { LIVE_POLL_INTERVAL_MS: '1000', LIVE_MAX_POLL_INTERVAL_MS: '1000' };

/** A run in progress whose state the test changes; every GET of its id answers the current state. */
export class MovingRun {
  current: UpstreamProcessRun;
  /** Called before each answer (e.g. to move the run on every poll). */
  answer: ((run: MovingRun) => void) | null = null;
  /** From now on the upstream answers 404 for it. */
  gone = false;

  constructor(id: string = LIVE_RUN_ID) {
    this.current = { ...structuredClone(seedProcessRun), id, status: 'running', revision: 1 };
  }

  serveOn(upstream: FakeUpstream): this {
    upstream.onRun(this.current.id, (_request, response) => {
      this.answer?.(this);
      if (this.gone) json(response, 404, { code: 'NotFound', message: 'no such run' });
      else json(response, 200, this.current);
    });
    return this;
  }

  /** The first job's status flips (complete ↔ running) and the revision goes up. */
  advance(): void {
    const next = structuredClone(this.current);
    const job = next.root.children![0]!.jobRun as UpstreamJobRun;
    job.status = job.status === 'complete' ? 'running' : 'complete';
    next.revision += 1;
    this.current = next;
  }

  /** Content changes while the revision stays (the upstream does not always bump it). */
  touchWithoutRevision(): void {
    const next = structuredClone(this.current);
    next.name = `${next.name} (edited)`;
    this.current = next;
  }

  /** A terminal status, in any of the upstream's spellings ('complete', 'cancelled', 'canceled', 'Canceled'). */
  finish(status: string = 'complete'): void {
    this.current = { ...structuredClone(this.current), status, revision: this.current.revision + 1 };
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
