import pino, { type DestinationStream, type Logger } from 'pino';

// Every place a credential could sit in a log object; pino replaces them before the line is written.
export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers.Authorization',
  'req.headers.authorization',
  'request.headers.authorization',
  '*.authorization',
  '*.Authorization',
  'token',
  '*.token',
  'access_token',
  '*.access_token',
  'clientSecret',
  '*.clientSecret',
];

export interface LoggerOptions {
  level: string;
  development: boolean;
  /** Tests pass a stream to capture the lines. */
  destination?: DestinationStream;
}

export function createLogger({ level, development, destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'process-runs-gateway' },
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  if (development && process.stdout.isTTY && isInstalled('pino-pretty')) {
    return pino({ ...options, transport: { target: 'pino-pretty' } });
  }
  return pino(options);
}

// pino-pretty is a dev dependency: production images do not have it.
function isInstalled(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}
