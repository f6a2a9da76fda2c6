import { trace, isSpanContextValid } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';
import { fstatSync, type Stats } from 'node:fs';
import { Socket } from 'node:net';

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
    mixin: traceIds,
    // pino's default merge writes into the mixin's object: the shared empty one is skipped instead of copied.
    mixinMergeStrategy: (mergeObject, mixinObject) =>
      mixinObject === NO_TRACE ? mergeObject : Object.assign(mixinObject, mergeObject),
  };
  if (destination) return pino(options, destination);
  if (development && process.stdout.isTTY && isInstalled('pino-pretty')) {
    return pino({ ...options, transport: { target: 'pino-pretty' } });
  }
  return pino(options, stdoutDestination());
}

const NO_TRACE = Object.freeze({});

/** `trace_id` and `span_id` of the active span, so a traced request's lines can be found from its trace. */
function traceIds(): object {
  const span = trace.getActiveSpan();
  if (span === undefined) return NO_TRACE;
  const spanContext = span.spanContext();
  return isSpanContextValid(spanContext) ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : NO_TRACE;
}

/**
 * stdout that can never stall the process. pino's default is a synchronous write, and Node writes pipes synchronously
 * on Linux: when nobody reads stdout (a stalled or dead log collector) that write — or the exit-time flush — waits
 * forever, and the whole process with it: no requests, no SIGTERM. For a pipe or socket this writes through a
 * non-blocking libuv stream instead, buffers at most MAX_BUFFERED_LOG_BYTES and drops lines beyond that.
 * Losing log lines beats losing the gateway. Files and terminals keep pino's synchronous writes (they do not stall).
 */
const MAX_BUFFERED_LOG_BYTES = 16 * 1024 * 1024;

function stdoutDestination(): DestinationStream {
  let stat: Stats;
  try {
    stat = fstatSync(1);
  } catch {
    return pino.destination({ dest: 1, sync: true });
  }
  if (!stat.isFIFO() && !stat.isSocket()) return pino.destination({ dest: 1, sync: true });
  const socket = new Socket({ fd: 1, readable: false, writable: true });
  socket.on('error', () => undefined);
  return {
    write(line: string) {
      if (socket.destroyed || socket.writableLength > MAX_BUFFERED_LOG_BYTES) return;
      socket.write(line);
    },
    flush(callback: () => void) {
      if (socket.destroyed || socket.writableLength === 0) callback();
      else socket.once('drain', callback);
    },
  } as DestinationStream;
}

/** Waits for buffered log lines to be written, but never longer than `timeoutMs`. */
export function flushLogsWithin(logger: Logger, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    try {
      logger.flush(() => {
        clearTimeout(timer);
        resolve();
      });
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
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
