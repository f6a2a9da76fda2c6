import type { UpstreamCallBudget } from '../loaders/upstream-call-budget';
import { NOT_WRITES, type ProcessesClient, type UpstreamCall } from '../upstream/processes-client';
import { WriteSequence } from './write-sequence';

// Every client method that is not a read (or the client's own housekeeping) is a write: a new write method on the
// client is here with no list to extend.
export type WriteMethod = Exclude<keyof ProcessesClient, (typeof NOT_WRITES)[number]>;

type WithoutCall<F> = F extends (...args: [...infer Args, UpstreamCall]) => infer R ? (...args: Args) => R : never;

/** The writes one GraphQL request may make: the client's, with the caller's call facts bound. No DataLoader. */
export type ProcessWrites = { [Method in WriteMethod]: WithoutCall<ProcessesClient[Method]> } & {
  /** This request's writes so far (src/writes/write-sequence.ts). */
  readonly sequence: WriteSequence;
};

/** The one client with the caller's credentials; each write takes one call from the request's upstream-call budget. */
export function createProcessWrites(
  client: ProcessesClient,
  call: UpstreamCall,
  budget: UpstreamCallBudget,
): ProcessWrites {
  const sequence = new WriteSequence();
  return new Proxy({} as ProcessWrites, {
    get: (_target, method) => {
      if (method === 'sequence') return sequence;
      const write = client[method as WriteMethod] as ((...args: unknown[]) => unknown) | undefined;
      if (
        typeof method !== 'string' ||
        typeof write !== 'function' ||
        (NOT_WRITES as readonly string[]).includes(method)
      )
        return undefined;
      return (...args: unknown[]) => {
        budget.spend();
        return write.call(client, ...args, call);
      };
    },
  });
}
