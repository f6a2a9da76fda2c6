import { graphql } from '../generated';

/** Who a task goes to: a user (join `User.id` to your users service, or let the supergraph resolve it). */
export const AssigneeFields = graphql(`
  fragment AssigneeFields on Assignee {
    __typename
    ... on User {
      id
    }
    ... on UnknownAssignee {
      type
      upstreamId
    }
  }
`);

/** The flat job list: every job in tree order, with its assignee, approver and task link. */
export const RunJobsQuery = graphql(`
  query RunJobs($id: ID!, $excludeGeneratedJobs: Boolean = false) {
    processRun(id: $id, excludeGeneratedJobs: $excludeGeneratedJobs) {
      id
      jobs {
        id
        action
        actionStatus
        status
        arguments {
          __typename
          ... on TaskJobArguments {
            title
            assignee {
              ...AssigneeFields
            }
            document {
              id
            }
          }
          ... on ContentRequestArguments {
            approver {
              ...AssigneeFields
            }
          }
          ... on CertApproverArguments {
            approver {
              ...AssigneeFields
            }
          }
        }
        metadata {
          __typename
          ... on TaskJobMetadata {
            status
            permalink
            task {
              id
            }
          }
        }
      }
    }
  }
`);
