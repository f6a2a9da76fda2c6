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

/** The live-run series on the app's registry (served at /metrics with the rest). */
export function createLiveMetrics(registry: Registry): LiveMetrics {
  const subscriptions = new Gauge({ name: 'gateway_live_subscriptions', help: 'Open processRunUpdated subscriptions', registers: [registry] });
  const pollers = new Gauge({ name: 'gateway_live_pollers', help: 'Active upstream poll loops (one per run, variant and credential)', registers: [registry] });
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
