import { loadConfig } from '../../src/config/config';

describe('operation limits – bad values stop the start with the variable named', () => {
  it.each([
    ['MAX_QUERY_DEPTH', 'deep', 'must be a whole number from 2 to 1000, got "deep"'],
    ['MAX_QUERY_ALIASES', '-1', 'must be a whole number from 0 to 10000, got "-1"'],
    ['MAX_QUERY_TOKENS', '5', 'must be from 10 to 1000000, got 5'],
    ['MAX_QUERY_COST', '1e6', 'must be a whole number from 10 to 10000000, got "1e6"'],
    ['MAX_QUERY_DIRECTIVES', '10001', 'must be from 0 to 10000, got 10001'],
    ['MAX_QUERY_LENGTH', '99', 'must be from 100 to 10000000, got 99'],
    ['MAX_REQUEST_BODY_BYTES', '1MiB', 'must be a whole number from 1024 to 104857600, got "1MiB"'],
    ['MAX_UPSTREAM_CALLS_PER_OPERATION', '0', 'must be from 1 to 10000, got 0'],
  ])('%s=%s → ConfigError', (variable, value, problem) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(`Invalid configuration: ${variable} ${problem}`);
  });

  it('the defaults', () => {
    expect(loadConfig({}).limits).toEqual({
      maxRequestBodyBytes: 1024 * 1024,
      maxQueryLength: 100_000,
      maxDepth: 40,
      maxAliases: 60,
      maxTokens: 5000,
      maxCost: 5000,
      maxDirectives: 50,
      maxUpstreamCallsPerOperation: 50,
    });
  });
});
