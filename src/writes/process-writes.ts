import type { UpstreamCallBudget } from '../loaders/upstream-call-budget';
import { NOT_WRITES, ProcessesClient, type UpstreamCall } from '../upstream/processes-client';
import { WriteSequence } from './write-sequence';

// Every client method that is not a read (or the client's own housekeeping) is a write: a new write method on the
// client is here with no list to extend.
export type WriteMethod = Exclude<keyof ProcessesClient, (typeof NOT_WRITES)[number]>;

// The same set at run time: the client's helpers are #private, so its prototype holds only its public methods.
const WRITE_METHODS = Object.getOwnPropertyNames(ProcessesClient.prototype).filter(
  (name) =>
    name !== 'constructor' &&
    !(NOT_WRITES as readonly string[]).includes(name) &&
    typeof Object.getOwnPropertyDescriptor(ProcessesClient.prototype, name)?.value === 'function',
) as WriteMethod[];

type WithoutCall<F> = F extends (...args: [...infer Args, UpstreamCall]) => infer R ? (...args: Args) => R : never;

/** The writes one GraphQL request may make: the client's, with the caller's call facts bound. No DataLoader. */
export type ProcessWrites = { [Method in WriteMethod]: WithoutCall<ProcessesClient[Method]> } & {
  /** This request's writes so far (src/writes/write-sequence.ts). */
  readonly sequence: WriteSequence;
};

/**
 * One request's writes: the write methods live once on a prototype with no Object methods and no constructor, the
 * client and the call facts in private fields. Five closures per request instead kept young-generation garbage alive
 * long enough to be promoted (1.5x the seed row's CPU per operation; bench/README.md).
 */
class RequestWrites {
  readonly sequence = new WriteSequence();
  readonly #client: ProcessesClient;
  readonly #call: UpstreamCall;
  readonly #budget: UpstreamCallBudget;

  constructor(client: ProcessesClient, call: UpstreamCall, budget: UpstreamCallBudget) {
    this.#client = client;
    this.#call = call;
    this.#budget = budget;
  }

  #write(method: WriteMethod, args: unknown[]): unknown {
    this.#budget.spend();
    return (this.#client[method] as (...all: unknown[]) => unknown).call(this.#client, ...args, this.#call);
  }

  static {
    const prototype = RequestWrites.prototype as unknown as Record<string, unknown>;
    Object.setPrototypeOf(prototype, null);
    Object.defineProperty(prototype, 'constructor', { value: undefined });
    for (const method of WRITE_METHODS)
      Object.defineProperty(prototype, method, {
        enumerable: true,
        value(this: RequestWrites, ...args: unknown[]) {
          return this.#write(method, args);
        },
      });
    Object.freeze(prototype);
  }
}

/** The one client with the caller's credentials; each write takes one call from the request's upstream-call budget. */
export function createProcessWrites(
  client: ProcessesClient,
  call: UpstreamCall,
  budget: UpstreamCallBudget,
): ProcessWrites {
  return new RequestWrites(client, call, budget) as unknown as ProcessWrites;
}
