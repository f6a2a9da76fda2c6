import { gatewayError } from '../errors/gateway-error';

/**
 * The one shape of a refused input: BAD_USER_INPUT with `extensions.field` naming the input path (`id`, `first`,
 * `filter.nameContains`, `jobs.0.arguments.sendTask.title`). `argumentName` is kept where it was answered before
 * (the query arguments), because clients already read it.
 */
export function inputRefusal(
  field: string,
  problem: string,
  options: { message?: string; argumentName?: string } = {},
): Error {
  const message = options.message ?? `Invalid input at ${field}: it ${problem}.`;
  const extensions: Record<string, unknown> = { field };
  if (options.argumentName !== undefined) extensions.argumentName = options.argumentName;
  return gatewayError('BAD_USER_INPUT', message, extensions);
}
