// Every guess the gateway makes about the undocumented parts of the Processes API, in one place: the tolerant
// parsers read the guessed forms from here and the conformance probe (src/probe/) checks each entry against a
// tenant, so a new guess cannot be added without the probe knowing it (test/probe/guess-registry.test.ts).

/** One guess: the docs file and a unique text of the table row that states it, and what to do when it fails. */
export interface UpstreamGuess {
  doc: 'docs/processes.md' | 'docs/mutations.md';
  /** A text found on exactly one line of `doc`: the row that states the guess. */
  row: string;
  /** What a failed guess asks the operator to do. */
  fix: string;
  /** The guessed form itself (keys, type values, spellings), where a parser reads one. */
  [form: string]: unknown;
}

const OPEN_ISSUE = 'open an issue with this output (--json)';

export const UPSTREAM_GUESSES = {
  listRunKey: {
    doc: 'docs/processes.md',
    row: "the list item's run sits under `run`",
    fix: `the run sits under another key: add it to listRunKey.keys in src/upstream/upstream-guesses.ts, or ${OPEN_ISSUE}`,
    /** Read in this order; the first present one is the run. */
    keys: ['run', 'processRun'],
  },
  embeddedRunWhole: {
    doc: 'docs/processes.md',
    row: 'the embedded run is a whole ProcessRun',
    fix: `nothing breaks, but each listed run costs a GET /processRuns/{id}; raise MAX_UPSTREAM_CALLS_PER_OPERATION if lists hit it, and ${OPEN_ISSUE}`,
  },
  processGroupChild: {
    doc: 'docs/processes.md',
    row: 'group child `{ type: "group", group: {...} }`',
    fix: `groups of process trees show as UnknownProcessNode: set processGroupChild in src/upstream/upstream-guesses.ts to the form seen, or ${OPEN_ISSUE}`,
    type: 'group',
    key: 'group',
  },
  processJobChild: {
    doc: 'docs/processes.md',
    row: 'job child `{ type: "job", job: {...} }` [example]',
    fix: `jobs of process trees show as UnknownProcessNode: set processJobChild in src/upstream/upstream-guesses.ts to the form seen, or ${OPEN_ISSUE}`,
    type: 'job',
    key: 'job',
  },
  runGroupChild: {
    doc: 'docs/processes.md',
    row: 'run group child `{ type: "group", groupRun: {...} }`',
    fix: `groups of runs show as UnknownRunNode: set runGroupChild in src/upstream/upstream-guesses.ts to the form seen, or ${OPEN_ISSUE}`,
    type: 'group',
    key: 'groupRun',
  },
  nextLinkToken: {
    doc: 'docs/processes.md',
    row: '`@nextLink` is a URL whose query has `$next`',
    fix: `paging stops at the first page (UPSTREAM_BAD_RESPONSE): set nextLinkToken.param in src/upstream/upstream-guesses.ts to the parameter seen, or ${OPEN_ISSUE}`,
    param: '$next',
  },
  processGetRun: {
    doc: 'docs/processes.md',
    row: '`GET /processes/{id}` carries the current run',
    fix: `process(id) { run } stays null for started processes; only processes { run } has it. ${OPEN_ISSUE}`,
  },
  processAuditStamps: {
    doc: 'docs/processes.md',
    row: '`created`/`modified` as on runs',
    fix: `Process.created/modified are null or fail on user: ${OPEN_ISSUE}`,
  },
  processRequiredFields: {
    doc: 'docs/processes.md',
    row: 'a Process carries at least `id` and `name`',
    fix: `every answer holding such a process is UPSTREAM_BAD_RESPONSE: ${OPEN_ISSUE}`,
  },
  enumSpellings: {
    doc: 'docs/processes.md',
    row: 'statuses, actions and days spelled as the schema',
    fix: `the values seen become UNKNOWN: add the spelling in src/resolvers/enums.ts (or cancelSpellings here), or ${OPEN_ISSUE}`,
    /** Both cancel spellings are read: the docs show the status only as "can…". */
    cancelSpellings: { CANCELED: 'CANCELLED', CANCELING: 'CANCELLING' },
  },
  userRefObject: {
    doc: 'docs/mutations.md',
    row: 'user references written as `{ id, type: "user" }`',
    fix: `the tenant sends plain-id user references: writes may need plain ids too (src/resolvers/mutation-inputs/job-arguments-input.ts); ${OPEN_ISSUE}`,
    type: 'user',
  },
  jobRunsAnswer: {
    doc: 'docs/mutations.md',
    row: '`addJobRuns` answers the created JobRuns',
    fix: OPEN_ISSUE,
    wrapperKey: 'jobRun',
  },
  writesAnswerProcess: {
    doc: 'docs/mutations.md',
    row: '`POST /processes` and batchUpdates answer with the Process',
    fix: OPEN_ISSUE,
  },
  createGroupChild: {
    doc: 'docs/mutations.md',
    row: 'a group child of a created tree is',
    fix: OPEN_ISSUE,
  },
  batchUpdateForm: {
    doc: 'docs/mutations.md',
    row: 'batchUpdates items in the documented nested form',
    fix: OPEN_ISSUE,
  },
  certificationArgs: {
    doc: 'docs/mutations.md',
    row: '`certificationArgs` fields',
    fix: OPEN_ISSUE,
  },
} as const satisfies Record<string, UpstreamGuess>;

export type GuessName = keyof typeof UPSTREAM_GUESSES;

export const GUESS_NAMES = Object.keys(UPSTREAM_GUESSES) as GuessName[];
