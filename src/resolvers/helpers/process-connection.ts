/** Page granularity: every edge carries the page's cursor (see ProcessEdge.cursor). */
export function processConnection<Node>(nodes: Node[], cursor: string | null, hasNextPage: boolean) {
  return {
    nodes,
    edges: nodes.map((node) => ({ cursor: cursor!, node })),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: nodes.length > 0 ? cursor : null,
      endCursor: nodes.length > 0 || hasNextPage ? cursor : null,
    },
  };
}
