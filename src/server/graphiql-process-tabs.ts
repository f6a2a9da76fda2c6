// The GraphiQL tab for the Processes read API: one tab (the tab bar stays short) holding four operations, picked
// with the run button: list, page, filter, and one process with its tree and current run. Comment lines stay
// under 80 columns.
import type { GraphiQLTab } from './graphiql-tabs';

const PROCESS_TREE_FRAGMENTS = `
fragment BuildGroup on ProcessGroup { id name parallel ordinal }

fragment BuildNode on ProcessNode {
  __typename
  ... on ProcessGroup { ...BuildGroup }
  ... on ProcessJob { id name action ordinal arguments { __typename ... on TaskJobArguments { title } } }
  ... on UnknownProcessNode { type raw }
}`;

/** Each operation with its own variables (tests run them one by one). */
export const PROCESS_OPERATIONS: readonly GraphiQLTab[] = [
  {
    query: `# The first page of processes, most recently started run first;
# never-started processes have run: null. To page on, use ProcessesPage
# (a cursor only works with the first/filter/orderBy it was made for).
query ProcessesList {
  processes(first: 20) {
    nodes { id name dueDate run { id status created { dateTime } } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    query: `# Paging forward: run with "after": null, then paste pageInfo.endCursor
# into "after" and run again. A cursor only works with the same
# first/filter/orderBy it was made for (else BAD_USER_INPUT).
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
    query: `# Filter by name (the quote is escaped for the upstream as ''),
# sorted by name.
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
    query: `# One process: its build-time tree (ProcessGroup/ProcessJob), every job in
# order, and its current run.
query ProcessTreeAndRun {
  process(id: "process-annual-report") {
    id
    name
    dueDate
    businessDaysOfWeek
    root {
      ...BuildGroup
      children { ...BuildNode ... on ProcessGroup { children { ...BuildNode ... on ProcessGroup { children { ...BuildNode } } } } }
    }
    jobs { id name action }
    run { id name status statusCounts { status count } }
  }
}
${PROCESS_TREE_FRAGMENTS}
`,
  },
];

/** The tab: the four operations in one document, with every operation's variables (each ignores the others'). */
export const PROCESSES_TAB: GraphiQLTab = {
  query: `# Processes: four operations, pick one with the run button's menu.

${PROCESS_OPERATIONS.map((operation) => operation.query.trim()).join('\n\n')}
`,
  variables: JSON.stringify(
    Object.assign({}, ...PROCESS_OPERATIONS.map((operation) => (operation.variables ? JSON.parse(operation.variables) : {}))),
    null,
    2,
  ),
};
