// What the upstream client tells observers (metrics, logs). Emitted by the client only; consumers never call HTTP.

import type { ProcessesClient } from './processes-client';

/**
 * Which upstream operation a call was: a label in logs and metrics (bounded, unlike paths). It is the name of the
 * client method that made it, so a new endpoint method is a new label with no list to extend.
 */
export type UpstreamEndpoint = Exclude<keyof ProcessesClient, 'readinessProblem' | 'close'>;

export interface UpstreamCallFinished {
  endpoint: UpstreamEndpoint;
  /** HTTP status, or null when no answer arrived (timeout, refused, reset). */
  status: number | null;
  durationMs: number;
  /** 1 for the first attempt. */
  attempt: number;
  outcome: 'ok' | 'http-error' | 'timeout' | 'unreachable' | 'bad-response';
}

export interface UpstreamEvents {
  callFinished?(event: UpstreamCallFinished): void;
  retry?(event: { attempt: number; delayMs: number; reason: string; endpoint: UpstreamEndpoint }): void;
  /** origin: the upstream origin whose breaker changed (one breaker per origin). */
  breakerStateChanged?(state: 'closed' | 'open' | 'half-open', origin?: string): void;
}
