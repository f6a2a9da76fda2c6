import { ConfigError, loadConfig } from './config/config';
import { startGateway } from './app';
import { createLogger, flushLogsWithin } from './server/logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, development: config.development });
  // Signals are taken from the start: one that arrives while the gateway is still starting stops it once it is up,
  // instead of killing the process with no drain and no exit code.
  let requested: string | null = null;
  let stop = (signal: string) => {
    requested ??= signal;
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  const gateway = await startGateway(config, logger);

  // A log write can throw (stdout closed by a dead reader: EPIPE); that must never keep the process from exiting.
  const safeLog = (write: () => void) => {
    try {
      write();
    } catch {
      /* nothing left to tell */
    }
  };
  const exit = (code: number) => {
    void flushLogsWithin(logger, 1_000).then(() => process.exit(code));
  };

  let stopping = false;
  stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    safeLog(() =>
      logger.info(
        { signal, delayMs: config.shutdownDelayMs, graceMs: config.shutdownGraceMs },
        'shutting down: not ready; serving for the delay, then no new connections, finishing in-flight',
      ),
    );
    // Backstop: whatever hangs (a log pipe, a close callback), the process ends shortly after the grace period.
    setTimeout(() => process.exit(1), config.shutdownDelayMs + config.shutdownGraceMs + 5_000).unref();
    gateway.shutdown().then(
      (drained) => {
        safeLog(() =>
          logger.info({ drained }, drained ? 'shutdown complete' : 'shutdown forced: grace period ran out'),
        );
        exit(drained ? 0 : 1);
      },
      (error: unknown) => {
        safeLog(() => logger.error({ err: error }, 'shutdown failed'));
        exit(1);
      },
    );
  };
  if (requested !== null) stop(requested);
  // The process keeps serving: a stray rejection is a bug to log, not a reason to drop every in-flight request.
  process.on('unhandledRejection', (reason) =>
    safeLog(() => logger.error({ err: reason }, 'unhandled promise rejection')),
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
