import { graphql } from '../generated';

/**
 * The run page kept open: the header and job statuses, updated as the run moves (graphql-sse or graphql-ws client).
 * Ends by itself once the run is COMPLETE or CANCELLED; an error event (NOT_FOUND, FORBIDDEN, UPSTREAM_UNAVAILABLE,
 * SUBSCRIPTION_LIMIT_EXCEEDED, SHUTTING_DOWN) ends it too — resubscribe after SHUTTING_DOWN or UPSTREAM_UNAVAILABLE.
 */
export const WatchRunSubscription = graphql(`
  subscription WatchRun($id: ID!) {
    processRunUpdated(id: $id) {
      id
      name
      status
      revision
      modified {
        dateTime
        user {
          id
        }
      }
      statusCounts {
        status
        count
      }
      jobs {
        id
        status
        actionStatus
      }
    }
  }
`);
