// GraphiQL tabs for the Processes read API: list, page, filter, and one process with its tree and current run.
import type { GraphiQLTab } from './graphiql-tabs';

const PROCESS_TREE_FRAGMENTS = `
fragment BuildGroup on Group { id name parallel ordinal }

fragment BuildNode on ProcessNode {
  __typename
  ... on Group { ...BuildGroup }
  ... on Job { id name action ordinal arguments { __typename ... on TaskJobArguments { title } } }
  ... on UnknownProcessNode { type raw }
}`;

export const PROCESS_TABS: readonly GraphiQLTab[] = [
  {
    query: `# The first page of processes, most recently started run first; never-started processes have run: null.
# hasNextPage + endCursor: copy endCursor into the "after" variable of the ProcessesPage tab.
query ProcessesList {
  processes(first: 20) {
    nodes { id name dueDate run { id status created { dateTime } } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    query: `# Paging forward: run once with "after": null, then paste pageInfo.endCursor into "after" and run again.
# A cursor only works with the same first/filter/orderBy it was made for (else BAD_USER_INPUT).
query ProcessesPage($first: Int!, $after: String) {
  processes(first: $first, after: $after) {
    edges { cursor node { id name run { status } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}
`,
    variables: JSON.stringify({ first: 50, after: null }, null, 2),
  },
  {
    query: `# Filter by name (the quote is escaped for the upstream as ''), sorted by name.
query ProcessesByName($filter: ProcessFilter, $orderBy: ProcessOrder) {
  processes(first: 10, filter: $filter, orderBy: $orderBy) {
    nodes { id name dueDate }
    pageInfo { hasNextPage endCursor }
  }
}
`,
    variables: JSON.stringify({ filter: { nameContains: "O'Brien" }, orderBy: { field: 'NAME', direction: 'ASC' } }, null, 2),
  },
  {
    query: `# One process: its build-time tree (Group/Job), every job in order, and its current run.
query ProcessTreeAndRun {
  process(id: "process-annual-report") {
    id
    name
    dueDate
    businessDaysOfWeek
    root {
      ...BuildGroup
      children { ...BuildNode ... on Group { children { ...BuildNode ... on Group { children { ...BuildNode } } } } }
    }
    jobs { id name action }
    run { id name status statusCounts { status count } }
  }
}
${PROCESS_TREE_FRAGMENTS}
`,
  },
];
