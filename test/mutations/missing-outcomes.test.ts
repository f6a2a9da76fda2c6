import { GraphQLError } from 'graphql';
import { withMissingOutcomes } from '../../src/writes/missing-outcomes';

const rebuild = (error: GraphQLError, outcome: string) =>
  new GraphQLError(error.message, { path: error.path, extensions: { ...error.extensions, outcome } });
const error = (code: string, path: string[] | undefined, outcome?: string) =>
  new GraphQLError(code, { path, extensions: outcome === undefined ? { code } : { code, outcome } });

describe('the outcome backstop – an error at a mutation field that did not pass through performWrite', () => {
  it.each([
    ['FORBIDDEN', 'NOT_APPLIED'],
    ['UNAUTHENTICATED', 'NOT_APPLIED'],
    ['BAD_USER_INPUT', 'NOT_APPLIED'],
    ['OPERATION_LIMIT_EXCEEDED', 'NOT_APPLIED'],
    ['INTERNAL_SERVER_ERROR', 'UNKNOWN'],
    ['UPSTREAM_ERROR', 'UNKNOWN'],
  ])('%s at the field → outcome %s', (code, outcome) => {
    expect(withMissingOutcomes([error(code, ['runProcess'])], rebuild)[0]!.extensions.outcome).toBe(outcome);
  });

  it('leaves an outcome already set, nested read errors and request errors alone', () => {
    const given = [
      error('UPSTREAM_TIMEOUT', ['a'], 'UNKNOWN'),
      error('NOT_FOUND', ['a', 'process']),
      error('OPERATION_LIMIT_EXCEEDED', undefined),
    ];
    expect(withMissingOutcomes(given, rebuild).map((each) => each.extensions.outcome)).toEqual([
      'UNKNOWN',
      undefined,
      undefined,
    ]);
  });
});
