import { UpstreamError } from '../errors/upstream-failure';

/**
 * How many upstream calls one GraphQL operation may still make. Counted where the loader fetches, so keys the
 * loader dedupes cost one; retries inside the upstream client are one call here.
 */
export class UpstreamCallBudget {
  private spent = 0;

  constructor(readonly limit: number) {}

  get used(): number {
    return this.spent;
  }

  /** Takes one call from the budget, or throws `budget-exceeded` without calling. */
  spend(): void {
    if (this.spent >= this.limit) throw new UpstreamError({ kind: 'budget-exceeded', budget: this.limit });
    this.spent++;
  }
}
