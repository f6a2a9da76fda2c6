import { ConfigError, loadConfig } from '../../src/config/config';

describe('configuration – the upstream answer cache (UPSTREAM_CACHE_*)', () => {
  it('defaults: 1 s, 60 s for terminal runs, 64 MiB', () => {
    expect(loadConfig({}).upstreamCache).toEqual({
      ttlMs: 1000,
      terminalTtlMs: 60000,
      maxBytes: 64 * 1024 * 1024,
      coalesce: true,
    });
  });

  it('0 turns the cache off and is accepted', () => {
    expect(loadConfig({ UPSTREAM_CACHE_TTL_MS: '0' }).upstreamCache.ttlMs).toBe(0);
  });

  it.each([
    ['UPSTREAM_CACHE_TTL_MS', '-1', /UPSTREAM_CACHE_TTL_MS must be a whole number from 0 to 3600000/],
    ['UPSTREAM_CACHE_TTL_MS', '3600001', /UPSTREAM_CACHE_TTL_MS must be from 0 to 3600000/],
    ['UPSTREAM_CACHE_TERMINAL_TTL_MS', '1s', /UPSTREAM_CACHE_TERMINAL_TTL_MS must be a whole number/],
    ['UPSTREAM_CACHE_MAX_BYTES', '100', /UPSTREAM_CACHE_MAX_BYTES must be from 1024/],
    ['UPSTREAM_COALESCING', 'sometimes', /UPSTREAM_COALESCING must be true or false/],
  ])('%s=%s is refused with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
