/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AddTask($processRunId: ID!, $task: SendTaskArgumentsInput!, $placement: JobRunPlacement) {\n    addJobRuns(processRunId: $processRunId, jobs: [{ action: SEND_TASK, arguments: { sendTask: $task } }], placement: $placement) {\n      id\n      ordinal\n      status\n      action\n      arguments {\n        ... on SendTaskArguments { title assignee { ... on User { id } } }\n      }\n    }\n  }\n": typeof types.AddTaskDocument,
    "\n  query ProcessesListPage($first: Int!, $after: String, $nameContains: String) {\n    processes(first: $first, after: $after, filter: { nameContains: $nameContains }) {\n      nodes {\n        id\n        name\n        dueDate\n        run { id status created { dateTime } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ProcessesListPageDocument,
    "\n  query RunHeader($id: ID!) {\n    processRun(id: $id) {\n      id\n      name\n      status\n      revision\n      dueDate\n      process { id }\n      created { dateTime user { id } }\n      modified { dateTime user { id } }\n      statusCounts { status count }\n    }\n  }\n": typeof types.RunHeaderDocument,
    "\n  fragment AssigneeFields on Assignee {\n    __typename\n    ... on User { id }\n    ... on UnknownAssignee { type upstreamId }\n  }\n": typeof types.AssigneeFieldsFragmentDoc,
    "\n  query RunJobs($id: ID!, $excludeGeneratedJobs: Boolean = false) {\n    processRun(id: $id, excludeGeneratedJobs: $excludeGeneratedJobs) {\n      id\n      jobs {\n        id\n        action\n        actionStatus\n        status\n        arguments {\n          __typename\n          ... on TaskJobArguments {\n            title\n            assignee { ...AssigneeFields }\n            document { id }\n          }\n          ... on ContentRequestArguments { approver { ...AssigneeFields } }\n          ... on CertApproverArguments { approver { ...AssigneeFields } }\n        }\n        metadata {\n          __typename\n          ... on TaskJobMetadata { status permalink task { id } }\n        }\n      }\n    }\n  }\n": typeof types.RunJobsDocument,
    "\n  fragment RunNodeFields on RunNode {\n    __typename\n    ... on GroupRun { id name parallel status }\n    ... on JobRun { id ordinal action actionStatus status }\n    ... on UnknownRunNode { type }\n  }\n": typeof types.RunNodeFieldsFragmentDoc,
    "\n  query RunTree($id: ID!) {\n    processRun(id: $id) {\n      id\n      root {\n        id\n        name\n        parallel\n        status\n        children {\n          ...RunNodeFields\n          ... on GroupRun {\n            children {\n              ...RunNodeFields\n              ... on GroupRun {\n                children {\n                  ...RunNodeFields\n                  ... on GroupRun { children { ...RunNodeFields } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RunTreeDocument,
    "\n  mutation StartRun($processId: ID!, $sendProcessCompleteEmail: Boolean) {\n    runProcess(processId: $processId, sendProcessCompleteEmail: $sendProcessCompleteEmail) {\n      id\n      name\n      status\n      process { id }\n      statusCounts { status count }\n    }\n  }\n": typeof types.StartRunDocument,
    "\n  subscription WatchRun($id: ID!) {\n    processRunUpdated(id: $id) {\n      id\n      name\n      status\n      revision\n      modified { dateTime user { id } }\n      statusCounts { status count }\n      jobs { id status actionStatus }\n    }\n  }\n": typeof types.WatchRunDocument,
};
const documents: Documents = {
    "\n  mutation AddTask($processRunId: ID!, $task: SendTaskArgumentsInput!, $placement: JobRunPlacement) {\n    addJobRuns(processRunId: $processRunId, jobs: [{ action: SEND_TASK, arguments: { sendTask: $task } }], placement: $placement) {\n      id\n      ordinal\n      status\n      action\n      arguments {\n        ... on SendTaskArguments { title assignee { ... on User { id } } }\n      }\n    }\n  }\n": types.AddTaskDocument,
    "\n  query ProcessesListPage($first: Int!, $after: String, $nameContains: String) {\n    processes(first: $first, after: $after, filter: { nameContains: $nameContains }) {\n      nodes {\n        id\n        name\n        dueDate\n        run { id status created { dateTime } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ProcessesListPageDocument,
    "\n  query RunHeader($id: ID!) {\n    processRun(id: $id) {\n      id\n      name\n      status\n      revision\n      dueDate\n      process { id }\n      created { dateTime user { id } }\n      modified { dateTime user { id } }\n      statusCounts { status count }\n    }\n  }\n": types.RunHeaderDocument,
    "\n  fragment AssigneeFields on Assignee {\n    __typename\n    ... on User { id }\n    ... on UnknownAssignee { type upstreamId }\n  }\n": types.AssigneeFieldsFragmentDoc,
    "\n  query RunJobs($id: ID!, $excludeGeneratedJobs: Boolean = false) {\n    processRun(id: $id, excludeGeneratedJobs: $excludeGeneratedJobs) {\n      id\n      jobs {\n        id\n        action\n        actionStatus\n        status\n        arguments {\n          __typename\n          ... on TaskJobArguments {\n            title\n            assignee { ...AssigneeFields }\n            document { id }\n          }\n          ... on ContentRequestArguments { approver { ...AssigneeFields } }\n          ... on CertApproverArguments { approver { ...AssigneeFields } }\n        }\n        metadata {\n          __typename\n          ... on TaskJobMetadata { status permalink task { id } }\n        }\n      }\n    }\n  }\n": types.RunJobsDocument,
    "\n  fragment RunNodeFields on RunNode {\n    __typename\n    ... on GroupRun { id name parallel status }\n    ... on JobRun { id ordinal action actionStatus status }\n    ... on UnknownRunNode { type }\n  }\n": types.RunNodeFieldsFragmentDoc,
    "\n  query RunTree($id: ID!) {\n    processRun(id: $id) {\n      id\n      root {\n        id\n        name\n        parallel\n        status\n        children {\n          ...RunNodeFields\n          ... on GroupRun {\n            children {\n              ...RunNodeFields\n              ... on GroupRun {\n                children {\n                  ...RunNodeFields\n                  ... on GroupRun { children { ...RunNodeFields } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RunTreeDocument,
    "\n  mutation StartRun($processId: ID!, $sendProcessCompleteEmail: Boolean) {\n    runProcess(processId: $processId, sendProcessCompleteEmail: $sendProcessCompleteEmail) {\n      id\n      name\n      status\n      process { id }\n      statusCounts { status count }\n    }\n  }\n": types.StartRunDocument,
    "\n  subscription WatchRun($id: ID!) {\n    processRunUpdated(id: $id) {\n      id\n      name\n      status\n      revision\n      modified { dateTime user { id } }\n      statusCounts { status count }\n      jobs { id status actionStatus }\n    }\n  }\n": types.WatchRunDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTask($processRunId: ID!, $task: SendTaskArgumentsInput!, $placement: JobRunPlacement) {\n    addJobRuns(processRunId: $processRunId, jobs: [{ action: SEND_TASK, arguments: { sendTask: $task } }], placement: $placement) {\n      id\n      ordinal\n      status\n      action\n      arguments {\n        ... on SendTaskArguments { title assignee { ... on User { id } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddTask($processRunId: ID!, $task: SendTaskArgumentsInput!, $placement: JobRunPlacement) {\n    addJobRuns(processRunId: $processRunId, jobs: [{ action: SEND_TASK, arguments: { sendTask: $task } }], placement: $placement) {\n      id\n      ordinal\n      status\n      action\n      arguments {\n        ... on SendTaskArguments { title assignee { ... on User { id } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessesListPage($first: Int!, $after: String, $nameContains: String) {\n    processes(first: $first, after: $after, filter: { nameContains: $nameContains }) {\n      nodes {\n        id\n        name\n        dueDate\n        run { id status created { dateTime } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ProcessesListPage($first: Int!, $after: String, $nameContains: String) {\n    processes(first: $first, after: $after, filter: { nameContains: $nameContains }) {\n      nodes {\n        id\n        name\n        dueDate\n        run { id status created { dateTime } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunHeader($id: ID!) {\n    processRun(id: $id) {\n      id\n      name\n      status\n      revision\n      dueDate\n      process { id }\n      created { dateTime user { id } }\n      modified { dateTime user { id } }\n      statusCounts { status count }\n    }\n  }\n"): (typeof documents)["\n  query RunHeader($id: ID!) {\n    processRun(id: $id) {\n      id\n      name\n      status\n      revision\n      dueDate\n      process { id }\n      created { dateTime user { id } }\n      modified { dateTime user { id } }\n      statusCounts { status count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssigneeFields on Assignee {\n    __typename\n    ... on User { id }\n    ... on UnknownAssignee { type upstreamId }\n  }\n"): (typeof documents)["\n  fragment AssigneeFields on Assignee {\n    __typename\n    ... on User { id }\n    ... on UnknownAssignee { type upstreamId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunJobs($id: ID!, $excludeGeneratedJobs: Boolean = false) {\n    processRun(id: $id, excludeGeneratedJobs: $excludeGeneratedJobs) {\n      id\n      jobs {\n        id\n        action\n        actionStatus\n        status\n        arguments {\n          __typename\n          ... on TaskJobArguments {\n            title\n            assignee { ...AssigneeFields }\n            document { id }\n          }\n          ... on ContentRequestArguments { approver { ...AssigneeFields } }\n          ... on CertApproverArguments { approver { ...AssigneeFields } }\n        }\n        metadata {\n          __typename\n          ... on TaskJobMetadata { status permalink task { id } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunJobs($id: ID!, $excludeGeneratedJobs: Boolean = false) {\n    processRun(id: $id, excludeGeneratedJobs: $excludeGeneratedJobs) {\n      id\n      jobs {\n        id\n        action\n        actionStatus\n        status\n        arguments {\n          __typename\n          ... on TaskJobArguments {\n            title\n            assignee { ...AssigneeFields }\n            document { id }\n          }\n          ... on ContentRequestArguments { approver { ...AssigneeFields } }\n          ... on CertApproverArguments { approver { ...AssigneeFields } }\n        }\n        metadata {\n          __typename\n          ... on TaskJobMetadata { status permalink task { id } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunNodeFields on RunNode {\n    __typename\n    ... on GroupRun { id name parallel status }\n    ... on JobRun { id ordinal action actionStatus status }\n    ... on UnknownRunNode { type }\n  }\n"): (typeof documents)["\n  fragment RunNodeFields on RunNode {\n    __typename\n    ... on GroupRun { id name parallel status }\n    ... on JobRun { id ordinal action actionStatus status }\n    ... on UnknownRunNode { type }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunTree($id: ID!) {\n    processRun(id: $id) {\n      id\n      root {\n        id\n        name\n        parallel\n        status\n        children {\n          ...RunNodeFields\n          ... on GroupRun {\n            children {\n              ...RunNodeFields\n              ... on GroupRun {\n                children {\n                  ...RunNodeFields\n                  ... on GroupRun { children { ...RunNodeFields } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunTree($id: ID!) {\n    processRun(id: $id) {\n      id\n      root {\n        id\n        name\n        parallel\n        status\n        children {\n          ...RunNodeFields\n          ... on GroupRun {\n            children {\n              ...RunNodeFields\n              ... on GroupRun {\n                children {\n                  ...RunNodeFields\n                  ... on GroupRun { children { ...RunNodeFields } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRun($processId: ID!, $sendProcessCompleteEmail: Boolean) {\n    runProcess(processId: $processId, sendProcessCompleteEmail: $sendProcessCompleteEmail) {\n      id\n      name\n      status\n      process { id }\n      statusCounts { status count }\n    }\n  }\n"): (typeof documents)["\n  mutation StartRun($processId: ID!, $sendProcessCompleteEmail: Boolean) {\n    runProcess(processId: $processId, sendProcessCompleteEmail: $sendProcessCompleteEmail) {\n      id\n      name\n      status\n      process { id }\n      statusCounts { status count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchRun($id: ID!) {\n    processRunUpdated(id: $id) {\n      id\n      name\n      status\n      revision\n      modified { dateTime user { id } }\n      statusCounts { status count }\n      jobs { id status actionStatus }\n    }\n  }\n"): (typeof documents)["\n  subscription WatchRun($id: ID!) {\n    processRunUpdated(id: $id) {\n      id\n      name\n      status\n      revision\n      modified { dateTime user { id } }\n      statusCounts { status count }\n      jobs { id status actionStatus }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;