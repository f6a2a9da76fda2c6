// Its own leaf so that every config/ parser (config.ts, redis-config.ts) can throw it without importing config.ts.
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}
