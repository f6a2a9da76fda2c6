/** Whether a write happened since the shared call started: its answer may then predate the write. */
export type Detached = () => boolean;

/**
 * Identical upstream GETs in flight at the same time, sent once: later callers wait for the first one's answer.
 * The shared call runs under its own deadline (the first caller's upstream timeout), never under a waiter's, so a
 * waiter that gives up cannot cut the call short for the others.
 */
export class InflightCalls<T> {
  private readonly calls = new Map<string, { shared: Promise<T>; detached: boolean }>();

  /** The call in flight for `key`, or null. */
  joinable(key: string): Promise<T> | null {
    return this.calls.get(key)?.shared ?? null;
  }

  start(key: string, call: (detached: Detached) => Promise<T>): Promise<T> {
    const entry = { shared: null as unknown as Promise<T>, detached: false };
    entry.shared = call(() => entry.detached).finally(() => {
      if (this.calls.get(key) === entry) this.calls.delete(key);
    });
    this.calls.set(key, entry);
    return entry.shared;
  }

  /** Later callers must not join these any more (a write happened after they started); their waiters keep them. */
  detachWhere(matches: (key: string) => boolean): void {
    for (const [key, entry] of [...this.calls]) {
      if (!matches(key)) continue;
      entry.detached = true;
      this.calls.delete(key);
    }
  }

  get size(): number {
    return this.calls.size;
  }
}
