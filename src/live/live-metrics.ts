import { Counter, Gauge, type Registry } from 'prom-client';
import type { PollOutcome } from './run-poller';

export interface LiveMetrics {
  subscriptionsChanged(active: number): void;
  pollersChanged(active: number): void;
  polled(outcome: PollOutcome): void;
  /** One event sent to one subscriber. */
  emitted(): void;
  refused(reason: 'limit-process' | 'limit-connection' | 'shutting-down'): void;
}

/** The series of poll loops shared through Redis (only registered with REDIS_URL). */
export interface SharedLiveMetrics {
  leasesChanged(owned: number): void;
  followedChanged(followed: number): void;
  leaseEvent(event: 'acquired' | 'taken-over' | 'lost' | 'released'): void;
  modeChanged(mode: 'shared' | 'local'): void;
}

/** The live-run series on the app's registry (served at /metrics with the rest). */
export function createLiveMetrics(registry: Registry): LiveMetrics {
  const subscriptions = new Gauge({
    name: 'gateway_live_subscriptions',
    help: 'Open processRunUpdated subscriptions',
    registers: [registry],
  });
  const pollers = new Gauge({
    name: 'gateway_live_pollers',
    help: 'Active upstream poll loops (one per run, variant and credential)',
    registers: [registry],
  });
  const polls = new Counter({
    name: 'gateway_live_polls_total',
    help: 'Upstream polls of live runs, by outcome (changed, unchanged, stale, transient-error, final-error)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const events = new Counter({
    name: 'gateway_live_events_total',
    help: 'Run snapshots sent to subscribers (the first event and every change, counted per subscriber)',
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'gateway_live_refused_total',
    help: 'Subscriptions refused, by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  subscriptions.set(0);
  pollers.set(0);
  return {
    subscriptionsChanged: (active) => subscriptions.set(active),
    pollersChanged: (active) => pollers.set(active),
    polled: (outcome) => polls.inc({ outcome }),
    emitted: () => events.inc(),
    refused: (reason) => refusals.inc({ reason }),
  };
}

export function createSharedLiveMetrics(registry: Registry): SharedLiveMetrics {
  const leases = new Gauge({
    name: 'gateway_live_poller_leases',
    help: 'Shared poll loops whose Redis lease this replica holds (it polls them for all replicas)',
    registers: [registry],
  });
  const followed = new Gauge({
    name: 'gateway_live_followed_loops',
    help: 'Shared poll loops another replica polls, relayed here to local subscribers',
    registers: [registry],
  });
  const events = new Counter({
    name: 'gateway_live_lease_events_total',
    help: 'Lease changes of shared poll loops: acquired (new loop), taken-over (from a silent owner), lost (to another replica), released',
    labelNames: ['event'],
    registers: [registry],
  });
  const shared = new Gauge({
    name: 'gateway_live_shared',
    help: 'Whether poll loops are shared through Redis (1) or polled locally because Redis is unreachable (0)',
    registers: [registry],
  });
  const modeChanges = new Counter({
    name: 'gateway_live_mode_changes_total',
    help: 'Switches between shared and local poll loops, by new mode',
    labelNames: ['mode'],
    registers: [registry],
  });
  leases.set(0);
  followed.set(0);
  let current: 'shared' | 'local' | null = null;
  return {
    leasesChanged: (owned) => leases.set(owned),
    followedChanged: (count) => followed.set(count),
    leaseEvent: (event) => events.inc({ event }),
    modeChanged: (mode) => {
      shared.set(mode === 'shared' ? 1 : 0);
      // The first call states the starting mode; only later ones are changes.
      if (current !== null && current !== mode) modeChanges.inc({ mode });
      current = mode;
    },
  };
}
