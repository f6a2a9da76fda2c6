// `npm run probe:upstream [-- --json]`: which of the gateway's guesses about the upstream hold against a tenant.
// Exit 0: no observed guess failed; 3: at least one failed; 2: configuration error; 1: upstream unreachable or refused.
import { randomUUID } from 'node:crypto';
import { createProcessesClient } from '../app';
import { ConfigError } from '../config/config';
import { createLogger } from '../server/logger';
import { GUESS_NAMES, type GuessName } from '../upstream/upstream-guesses';
import { GUESS_CHECKS, type GuessResult } from './guess-checks';
import { loadProbeConfig } from './probe-config';
import { buildReport, formatHuman } from './probe-report';
import { ProbeStop, walkUpstream } from './probe-walk';
import { readOnly } from './read-only-upstream';
import { ShapeCensus } from './shape-census';

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const json = argv.includes('--json');
  let config;
  try {
    config = loadProbeConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  // Silent: the client's log lines carry request paths, and paths carry ids (tenant values).
  const logger = createLogger({ level: 'silent', development: false });
  let sent = 0;
  // One attempt per read: a retry would spend the request budget on the same question.
  const gateway = { ...config.gateway, resilience: { ...config.gateway.resilience, maxAttempts: 1 } };
  const client = createProcessesClient(
    gateway,
    logger,
    config.upstreamBaseUrl,
    false,
    { callFinished: () => void (sent += 1) },
    null,
  );
  const rate = gateway.resilience.rateLimit;
  try {
    const seen = await walkUpstream(
      readOnly(client, { callerAuthorization: config.authorization, requestId: `probe-${randomUUID()}`, logger }),
      {
        maxRequests: config.maxRequests,
        costPerRead: config.authorization === null ? 2 : 1,
        paceMs: rate ? Math.ceil(rate.windowMs / rate.limit) : 0,
      },
    );
    const census = new ShapeCensus();
    for (const page of seen.pageBodies) census.page(page);
    for (const item of seen.listItems) census.process(item);
    for (const { body } of seen.probedProcess?.fetched ?? []) census.process(body);
    for (const { body } of seen.runs) census.run(body);
    const results = Object.fromEntries(GUESS_NAMES.map((name) => [name, GUESS_CHECKS[name](seen, census)])) as Record<
      GuessName,
      GuessResult
    >;
    const report = buildReport(results, census, seen.errors, { sent, max: config.maxRequests });
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatHuman(report));
    return report.exitCode;
  } catch (error) {
    if (!(error instanceof ProbeStop)) throw error;
    process.stderr.write(`probe: ${error.message}\n`);
    if (json)
      process.stdout.write(
        `${JSON.stringify({ exitCode: 1, error: error.message, requests: { sent, max: config.maxRequests } }, null, 2)}\n`,
      );
    return 1;
  } finally {
    await client.close();
  }
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`probe failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
