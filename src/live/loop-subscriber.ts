import type { GraphQLError } from 'graphql';
import type { UpstreamProcessRun } from '../upstream/types';
import type { FetchRun, RunListener } from './live-event';

const jsonCache = new WeakMap<UpstreamProcessRun, string>();
/** A run's JSON, encoded once however many subscribers and messages carry it. */
export function jsonOf(run: UpstreamProcessRun): string {
  let json = jsonCache.get(run);
  if (json === undefined) {
    json = JSON.stringify(run);
    jsonCache.set(run, json);
  }
  return json;
}

/**
 * One subscriber: whichever source feeds it (this replica's poller, another's over the channel, a local poller after
 * a fallback), it sees each state once and never an older one after a newer one.
 */
export class Subscriber implements RunListener {
  seen: { json: string; revision: number } | null = null;
  private ended = false;

  constructor(
    private readonly inner: RunListener,
    readonly fetchRun: FetchRun,
    private readonly onEnded: (subscriber: Subscriber) => void,
  ) {}

  emit(run: UpstreamProcessRun): void {
    if (this.ended) return;
    const json = jsonOf(run);
    if (this.seen && (run.revision < this.seen.revision || json === this.seen.json)) return;
    this.seen = { json, revision: run.revision };
    this.inner.emit(run);
  }

  end(error: GraphQLError | null): void {
    if (this.ended) return;
    this.ended = true;
    this.inner.end(error);
    this.onEnded(this);
  }
}
