import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUESS_NAMES, UPSTREAM_GUESSES, type GuessName } from '../upstream/upstream-guesses';
import type { GuessResult } from './guess-checks';
import type { Observations } from './probe-walk';
import type { Tally } from './shape-census';

export interface ProbeReport {
  exitCode: 0 | 3;
  requests: { sent: number; max: number };
  guesses: Array<{ name: GuessName; verdict: GuessResult['verdict']; detail: string; docs: string; fix?: string }>;
  unknownKeys: Array<{ at: string; key: string; type: string; count: number }>;
  drift: Array<{ kind: string; name: string; value: string; count: number }>;
  errors: Observations['errors'];
}

export function buildReport(
  results: Record<GuessName, GuessResult>,
  census: { unknownKeys: Tally; drift: Tally },
  errors: Observations['errors'],
  requests: ProbeReport['requests'],
): ProbeReport {
  const guesses = GUESS_NAMES.map((name) => {
    const { verdict, detail } = results[name];
    const guess = UPSTREAM_GUESSES[name];
    return {
      name,
      verdict,
      detail,
      docs: docsLink(guess.doc, guess.row),
      ...(verdict === 'failed' ? { fix: guess.fix } : {}),
    };
  });
  return {
    exitCode: guesses.some((guess) => guess.verdict === 'failed') ? 3 : 0,
    requests,
    guesses,
    unknownKeys: rows(census.unknownKeys, ([at, key, type], count) => ({ at: at!, key: key!, type: type!, count })),
    drift: rows(census.drift, ([kind, name, value], count) => ({ kind: kind!, name: name!, value: value!, count })),
    errors,
  };
}

function rows<T>(tally: Tally, make: (parts: string[], count: number) => T): T[] {
  return [...tally]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, count]) => make(label.split('\u0000'), count));
}

/** `docs/processes.md#L116` when the docs ship beside dist/, else the file alone. */
function docsLink(doc: string, row: string): string {
  try {
    const line = readFileSync(join(__dirname, '..', '..', doc), 'utf8')
      .split('\n')
      .findIndex((text) => text.includes(row));
    return line < 0 ? doc : `${doc}#L${line + 1}`;
  } catch {
    return doc;
  }
}

export function formatHuman(report: ProbeReport): string {
  const width = Math.max(...report.guesses.map((guess) => guess.name.length));
  const lines = [
    `Upstream conformance probe: ${report.requests.sent} GET requests (at most ${report.requests.max})`,
    '',
    `${'guess'.padEnd(width)}  ${'verdict'.padEnd(12)}  detail`,
    ...report.guesses.map((guess) => `${guess.name.padEnd(width)}  ${guess.verdict.padEnd(12)}  ${guess.detail}`),
    '',
    'Unknown keys seen:',
    ...(report.unknownKeys.length
      ? report.unknownKeys.map((row) => `  ${row.at}.${row.key} (${row.type}) x${row.count}`)
      : ['  none']),
    'Drift (what gateway_upstream_drift_total counts):',
    ...(report.drift.length
      ? report.drift.map((row) => `  ${row.kind} ${row.name} ${JSON.stringify(row.value)} x${row.count}`)
      : ['  none']),
  ];
  if (report.errors.length)
    lines.push(
      'Requests answered with an error:',
      ...report.errors.map((e) => `  ${e.endpoint}: ${e.status ?? '-'} ${e.code}`),
    );
  const failed = report.guesses.filter((guess) => guess.verdict === 'failed');
  if (failed.length) {
    lines.push('', 'Fix hints:', ...failed.map((guess) => `  ${guess.name} (${guess.docs}): ${guess.fix}`));
    lines.push('', `${failed.length} guess${failed.length === 1 ? '' : 'es'} failed (exit 3).`);
  } else lines.push('', 'No observed guess failed (exit 0).');
  return `${lines.join('\n')}\n`;
}
