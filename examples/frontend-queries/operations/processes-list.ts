import { graphql } from '../generated';

/** A processes list page: one page of processes with their current run, and the cursor for the next page. */
export const ProcessesListPageQuery = graphql(`
  query ProcessesListPage($first: Int!, $after: String, $nameContains: String) {
    processes(first: $first, after: $after, filter: { nameContains: $nameContains }) {
      nodes {
        id
        name
        dueDate
        run {
          id
          status
          created {
            dateTime
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
