import { graphql } from '../generated';

// GraphQL has no recursive selections: a tree view asks for a fixed depth. Three group levels below the root
// cover every run we have seen; add a level by nesting `children { ...RunNodeFields }` once more.
// (GroupRun.ordinal is nullable and JobRun.ordinal is not, so one selection cannot ask both for `ordinal`.)
export const RunNodeFields = graphql(`
  fragment RunNodeFields on RunNode {
    __typename
    ... on GroupRun {
      id
      name
      parallel
      status
    }
    ... on JobRun {
      id
      ordinal
      action
      actionStatus
      status
    }
    ... on UnknownRunNode {
      type
    }
  }
`);

export const RunTreeQuery = graphql(`
  query RunTree($id: ID!) {
    processRun(id: $id) {
      id
      root {
        id
        name
        parallel
        status
        children {
          ...RunNodeFields
          ... on GroupRun {
            children {
              ...RunNodeFields
              ... on GroupRun {
                children {
                  ...RunNodeFields
                  ... on GroupRun {
                    children {
                      ...RunNodeFields
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);
