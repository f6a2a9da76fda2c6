// The "Processes" tab: four operations picked with the run button (list, page, filter, one process with its tree
// and current run). No named fragments: GraphiQL sends the chosen operation with every fragment of the document,
// so a fragment used by one operation only fails the others ("Fragment … is never used").
import { comment, multiOperationTab, type GraphiQLDemoIds, type GraphiQLTab } from './graphiql-tab';

const BUILD_NODE = `__typename
        ... on ProcessGroup { id name parallel ordinal }
        ... on ProcessJob { id name action ordinal arguments { __typename ... on TaskJobArguments { title } } }
        ... on UnknownProcessNode { type raw }`;

/** Each operation with its own variables (tests run them one by one). */
export function processOperations(ids: Pick<GraphiQLDemoIds, 'treeProcessId'>): readonly GraphiQLTab[] {
  return [
    {
      query: `${comment('The first page of processes, most recently started run first; never-started processes have run: null. To page on, use ProcessesPage (a cursor only works with the first/filter/orderBy it was made for).')}
query Processes {
  processes(first: 20) {
    nodes { id name dueDate run { id status created { dateTime } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    },
    {
      query: `${comment('Paging forward: run with "after": null, then paste pageInfo.endCursor into "after" and run again. A cursor only works with the same first/filter/orderBy it was made for (else BAD_USER_INPUT).')}
query ProcessesPage($first: Int!, $after: String) {
  processes(first: $first, after: $after) {
    edges { cursor node { id name run { status } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`,
      variables: JSON.stringify({ first: 50, after: null }),
    },
    {
      query: `${comment("Filter by name (the quote is escaped for the upstream as ''), sorted by name.")}
query ProcessesByName($filter: ProcessFilter, $orderBy: ProcessOrder) {
  processes(first: 10, filter: $filter, orderBy: $orderBy) {
    nodes { id name dueDate }
    pageInfo { hasNextPage endCursor }
  }
}`,
      variables: JSON.stringify({ filter: { nameContains: "O'Brien" }, orderBy: { field: 'NAME', direction: 'ASC' } }),
    },
    {
      query: `${comment('One process: its build-time tree (ProcessGroup/ProcessJob) three levels deep, every job in order, and its current run.')}
query ProcessTreeAndRun {
  process(id: "${ids.treeProcessId}") {
    id
    name
    dueDate
    businessDaysOfWeek
    root {
      id name parallel ordinal
      children {
        ${BUILD_NODE}
        ... on ProcessGroup { children {
          ${BUILD_NODE}
          ... on ProcessGroup { children { __typename ... on ProcessGroup { id name } ... on ProcessJob { id name action } } }
        } }
      }
    }
    jobs { id name action }
    run { id name status statusCounts { status count } }
  }
}`,
    },
  ];
}

/** The tab: the four operations in one document, with every operation's variables (each ignores the others'). */
export const processesTab = (ids: Pick<GraphiQLDemoIds, 'treeProcessId'>): GraphiQLTab =>
  multiOperationTab(
    comment("Processes: four operations, pick one from the run button's menu."),
    processOperations(ids),
  );
