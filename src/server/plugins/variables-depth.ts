import type { Plugin } from 'graphql-yoga';
import { gatewayError } from '../../errors/gateway-error';

/**
 * JSON nesting of `variables` (objects and arrays) accepted before graphql-js coerces them. Its coercion recurses
 * per level, so ~1500 levels (an 18 KB CreateProcessInput) overflow the stack: a 500 for a client mistake. The
 * deepest valid input (10 group levels of CreateProcessInput plus a job's arguments) is about 40.
 */
export const MAX_VARIABLES_DEPTH = 64;

/** BAD_USER_INPUT (HTTP 200, like every variable refusal) for variables nested deeper than `maxDepth`. */
export function useVariablesDepthLimit(maxDepth: number = MAX_VARIABLES_DEPTH): Plugin {
  return {
    onParams({ params }) {
      if (nestingExceeds(params.variables, maxDepth)) {
        throw gatewayError('BAD_USER_INPUT', `Variables are nested deeper than ${maxDepth} levels: no valid input is.`);
      }
    },
  };
}

/** Iterative (an explicit stack), so measuring a hostile value cannot overflow the stack either. */
export function nestingExceeds(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
