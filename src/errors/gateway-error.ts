import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import type { GatewayErrorCode } from './error-codes';

/** The one factory for errors this gateway mints: the code is from the closed list in error-codes.ts. */
export function gatewayError(
  code: GatewayErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return createGraphQLError(message, { extensions: { ...extra, code } });
}
