import { processRunShapeProblem } from '../upstream/process-run-shape';
import { processShapeProblem } from '../upstream/process-shape';
import { UPSTREAM_GUESSES, type GuessName } from '../upstream/upstream-guesses';
import { embeddedRunOf, isObject, runLikeKeysOf, type Observations } from './probe-walk';
import { keyName, type ShapeCensus, type TreeChildren } from './shape-census';

export type Verdict = 'held' | 'failed' | 'not-observed';

export interface GuessResult {
  verdict: Verdict;
  /** One line of keys, types and counts only. */
  detail: string;
}

type Check = (seen: Observations, census: ShapeCensus) => GuessResult;

const held = (detail: string): GuessResult => ({ verdict: 'held', detail });
const failed = (detail: string): GuessResult => ({ verdict: 'failed', detail });
const notObserved = (detail: string): GuessResult => ({ verdict: 'not-observed', detail });
const WRITE_ONLY = notObserved('about a write; the probe sends GET requests only');

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** One check per guess: a guess added to the registry without a check here does not compile. */
export const GUESS_CHECKS: { readonly [Name in GuessName]: Check } = {
  listRunKey: ({ listItems }) => {
    const items = listItems.filter(isObject);
    const withKey = items.filter((item) => embeddedRunOf(item) !== null).length;
    if (withKey > 0)
      return held(
        `${withKey} of ${plural(items.length, 'listed process', 'listed processes')} carry a run under ${UPSTREAM_GUESSES.listRunKey.keys.join('/')}`,
      );
    const elsewhere = [...new Set(items.flatMap(runLikeKeysOf))].map(keyName);
    if (elsewhere.length > 0)
      return failed(
        `no listed process has ${UPSTREAM_GUESSES.listRunKey.keys.join('/')}; a run-like object sits under unknown key ${elsewhere.join(', ')}`,
      );
    return notObserved(
      `none of ${plural(items.length, 'listed process', 'listed processes')} carries a run (none started?)`,
    );
  },
  embeddedRunWhole: ({ listItems }) => {
    const runs = listItems
      .filter(isObject)
      .map(embeddedRunOf)
      .filter((run) => run !== null);
    if (runs.length === 0) return notObserved('no embedded run seen');
    const plainIds = runs.filter((run) => typeof run === 'string').length;
    const problems = runs
      .filter((run) => typeof run !== 'string')
      .map(processRunShapeProblem)
      .filter((problem) => problem !== null);
    if (plainIds === 0 && problems.length === 0) return held(`${plural(runs.length, 'embedded run')}, all whole`);
    const parts = [
      plainIds > 0 ? `${plainIds} plain id${plainIds === 1 ? '' : 's'}` : '',
      problems.length > 0 ? `${problems.length} summar${problems.length === 1 ? 'y' : 'ies'} (${problems[0]})` : '',
    ];
    return failed(`of ${plural(runs.length, 'embedded run')}: ${parts.filter(Boolean).join(', ')}`);
  },
  processGroupChild: (_seen, { processChildren }) =>
    childForm(processChildren, 'group', UPSTREAM_GUESSES.processGroupChild),
  processJobChild: (_seen, { processChildren }) => childForm(processChildren, 'job', UPSTREAM_GUESSES.processJobChild),
  runGroupChild: (_seen, { runChildren }) => childForm(runChildren, 'group', UPSTREAM_GUESSES.runGroupChild),
  nextLinkToken: ({ nextLink }) => {
    switch (nextLink.state) {
      case 'followed':
        return held(`@nextLink carried ${UPSTREAM_GUESSES.nextLinkToken.param}; the next page answered`);
      case 'not-followed':
        return held(`@nextLink carried ${UPSTREAM_GUESSES.nextLinkToken.param} (next page not read: request budget)`);
      case 'absent':
        return notObserved('one page only: no @nextLink');
      case 'failed':
        return failed(
          `${nextLink.reason}; its query has ${nextLink.params.map(keyName).join(', ') || 'no parameters'}`,
        );
    }
  },
  processGetRun: ({ probedProcess }) => {
    if (!probedProcess || embeddedRunOf(probedProcess.listed) === null)
      return notObserved('no listed process with a run was read alone');
    if (probedProcess.fetched.length === 0) return notObserved('GET /processes/{id} was not answered');
    const withRun = probedProcess.fetched.filter(({ body }) => isObject(body) && embeddedRunOf(body) !== null).length;
    if (withRun === probedProcess.fetched.length)
      return held(`GET /processes/{id} carried the run (${withRun} of ${probedProcess.fetched.length} reads)`);
    const extra = probedProcess.fetched.flatMap(({ body }) => (isObject(body) ? runLikeKeysOf(body) : [])).map(keyName);
    return failed(
      `the listed process has a run, ${probedProcess.fetched.length - withRun} of ${probedProcess.fetched.length} GET /processes/{id} reads do not${extra.length ? `; run-like unknown key ${[...new Set(extra)].join(', ')}` : ''}`,
    );
  },
  processAuditStamps: (_seen, { processStamps }) => {
    if (processStamps.bad.size > 0)
      return failed([...processStamps.bad].map(([what, n]) => `${what} (${n}x)`).join('; '));
    return processStamps.ok > 0
      ? held(`${plural(processStamps.ok, 'stamp')} of { dateTime, user }`)
      : notObserved('no process carried created/modified');
  },
  processRequiredFields: ({ listItems, probedProcess }) => {
    const bodies = [...listItems, ...(probedProcess?.fetched.map(({ body }) => body) ?? [])];
    if (bodies.length === 0) return notObserved('no process read');
    const problems = bodies.map(processShapeProblem).filter((problem) => problem !== null);
    return problems.length === 0
      ? held(`${plural(bodies.length, 'process', 'processes')} with id and name`)
      : failed(`${problems.length} of ${bodies.length}: ${problems[0]}`);
  },
  enumSpellings: (_seen, { drift }) => {
    const unknown = [...drift].filter(([label]) => label.startsWith('enum\u0000'));
    if (unknown.length === 0)
      return drift.size > 0 || _seen.runs.length > 0
        ? held('every status, action and day read was a known spelling')
        : notObserved('no run read');
    return failed(
      unknown
        .map(([label, n]) => {
          const [, name, value] = label.split('\u0000');
          return `${name} ${JSON.stringify(value)} (${n}x)`;
        })
        .join(', '),
    );
  },
  userRefObject: (_seen, { userRefs }) => {
    const plain = [...userRefs.plainIds];
    if (plain.length > 0)
      return failed(
        `plain-id user references at ${plain.map(([at, n]) => `${at} (${n}x)`).join(', ')}; ${userRefs.objects} as objects`,
      );
    return userRefs.objects > 0
      ? held(`${plural(userRefs.objects, 'user reference')}, all { id, type } objects`)
      : notObserved('no user reference read');
  },
  jobRunsAnswer: () => WRITE_ONLY,
  writesAnswerProcess: () => WRITE_ONLY,
  createGroupChild: () => WRITE_ONLY,
  batchUpdateForm: () => WRITE_ONLY,
  certificationArgs: () => WRITE_ONLY,
};

function childForm(children: TreeChildren, role: 'job' | 'group', form: { type: string; key: string }): GuessResult {
  const matched = role === 'job' ? children.jobForm : children.groupForm;
  const misfits = children.other.filter(
    (other) => (role === 'job' ? other.jobLike : other.groupLike) || other.label.startsWith(`type "${form.type}"`),
  );
  if (misfits.length > 0) {
    const labels = [...new Set(misfits.map((other) => other.label))];
    return failed(
      `${plural(misfits.length, `${role}-like child`, `${role}-like children`)} not of the form { type: "${form.type}", ${form.key} }: ${labels.join('; ')}`,
    );
  }
  return matched > 0
    ? held(`${plural(matched, 'child', 'children')} of the form { type: "${form.type}", ${form.key} }`)
    : notObserved(`no ${role} child seen`);
}
