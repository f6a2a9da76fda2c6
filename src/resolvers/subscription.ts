import type { SubscriptionResolvers } from '../generated/resolvers-types';
import type { LiveEvent } from '../live/live-event';
import { checkArgumentId } from '../validation/ids';

export const Subscription: SubscriptionResolvers = {
  processRunUpdated: {
    subscribe: (_parent, { id, excludeGeneratedJobs }, { upstreamCalls, watchProcessRun }) => {
      checkArgumentId(id, 'process run');
      // The whole subscription is one operation of the upstream-call budget; its polls are paced by the interval.
      upstreamCalls.spend();
      return watchProcessRun(id, excludeGeneratedJobs ?? false);
    },
    // An ending error arrives as an event so both transports deliver it the same way: errors, then completion.
    resolve: (event: LiveEvent) => {
      if (event.kind === 'error') throw event.error;
      return event.run;
    },
  },
};
