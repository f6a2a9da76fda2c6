// When the next poll of a run happens. Pure functions, so the curve is easy to read and to document.

/** Consecutive unchanged polls after which the interval doubles (again after each further run of this many). */
export const UNCHANGED_POLLS_PER_STEP = 12;

/**
 * The wait after a successful poll: the base interval while the run changes; after every 12 unchanged polls in a
 * row it doubles, up to the cap. Any change returns it to the base. (5 s base, 30 s cap: 12×5 s, 12×10 s, 12×20 s, then 30 s.)
 */
export function idleIntervalMs(unchangedPolls: number, baseMs: number, capMs: number): number {
  const steps = Math.min(Math.floor(unchangedPolls / UNCHANGED_POLLS_PER_STEP), 20);
  return Math.min(capMs, baseMs * 2 ** steps);
}

/**
 * The wait after the n-th transient failure in a row (n ≥ 1): exponential from the base interval, capped, with
 * "equal jitter" (half fixed, half random) so loops that failed together do not come back together — and never
 * shorter than the upstream's Retry-After.
 */
export function backoffMs(
  failures: number,
  baseMs: number,
  capMs: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 20));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
