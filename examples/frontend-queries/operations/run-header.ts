import { graphql } from '../generated';

/** The page header: what the run is, where it stands, who started it. */
export const RunHeaderQuery = graphql(`
  query RunHeader($id: ID!) {
    processRun(id: $id) {
      id
      name
      status
      revision
      dueDate
      process {
        id
      }
      created {
        dateTime
        user {
          id
        }
      }
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
    }
  }
`);
