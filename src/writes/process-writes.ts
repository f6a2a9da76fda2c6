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
 * The one client with the caller's credentials; each write takes one call from the request's upstream-call budget.
 * Nothing else is reachable, not even Object's methods: the object has no prototype.
 */
export function createProcessWrites(
  client: ProcessesClient,
  call: UpstreamCall,
  budget: UpstreamCallBudget,
): ProcessWrites {
  const writes = Object.create(null) as Record<string, unknown>;
  for (const method of WRITE_METHODS) {
    const write = client[method] as (...args: unknown[]) => unknown;
    writes[method] = (...args: unknown[]) => {
      budget.spend();
      return write.call(client, ...args, call);
    };
  }
  writes.sequence = new WriteSequence();
  return Object.freeze(writes) as unknown as ProcessWrites;
}
