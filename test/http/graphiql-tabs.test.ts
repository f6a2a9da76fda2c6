// The demo's GraphiQL tabs: every row of the error table has a demo id and a tab, the tab bar stays usable.
import { DEMO_ERROR_SCENARIOS } from '../../src/demo/demo-errors';
import { ERROR_CODES, type GatewayErrorCode } from '../../src/errors/error-codes';
import { GRAPHIQL_DEMO_IDS } from '../../src/demo/graphiql-demo-ids';
import { demoTabs } from '../../src/graphiql/demo-tabs';
import { REAL_UPSTREAM_TABS } from '../../src/graphiql/real-upstream-tab';

const GRAPHIQL_TABS = demoTabs(GRAPHIQL_DEMO_IDS);

// The codes an upstream answer or failure maps to: the error table's upstream rows.
const UPSTREAM_ROWS: GatewayErrorCode[] = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  // IDEMPOTENCY_UNAVAILABLE is a dependency failure too, but of Redis, not of the Processes API: no demo id answers it.
  ...(Object.keys(ERROR_CODES) as GatewayErrorCode[]).filter(
    (code) => ERROR_CODES[code] === 'upstream' && code !== 'IDEMPOTENCY_UNAVAILABLE',
  ),
];

const operationNames = (query: string) =>
  [...query.matchAll(/^(?:query|mutation|subscription) (\w+)/gm)].map((match) => match[1]!);

describe('GraphiQL tabs', () => {
  it.each(UPSTREAM_ROWS)('%s has a demo id and an operation in a tab', (code) => {
    const scenario = DEMO_ERROR_SCENARIOS.find((candidate) => candidate.gatewayCode === code);
    expect(scenario).toBeDefined();
    expect(GRAPHIQL_TABS.some((tab) => tab.query.includes(`"${scenario!.id}"`))).toBe(true);
  });

  it('the tab bar stays usable: at most 8 tabs, titles of at most 16 characters', () => {
    expect(GRAPHIQL_TABS.length).toBeLessThanOrEqual(8);
    for (const tab of [...GRAPHIQL_TABS, ...REAL_UPSTREAM_TABS])
      expect(operationNames(tab.query)[0]!.length).toBeLessThanOrEqual(16);
  });

  it('every explanation line fits 60 columns (the editor default width, no sideways scrolling)', () => {
    for (const tab of [...GRAPHIQL_TABS, ...REAL_UPSTREAM_TABS]) {
      for (const line of tab.query.split('\n').filter((candidate) => candidate.startsWith('#'))) {
        expect(line.length <= 60 ? 'fits' : line).toBe('fits');
      }
    }
  });

  it('the Mutations tab names no fixture: its examples act on the process its first operation creates', () => {
    const mutations = GRAPHIQL_TABS.find((tab) => operationNames(tab.query)[0] === 'Mutations')!;
    const fixtureIds = [
      GRAPHIQL_DEMO_IDS.seedRunId,
      GRAPHIQL_DEMO_IDS.nestedRunId,
      GRAPHIQL_DEMO_IDS.certificationRunId,
      GRAPHIQL_DEMO_IDS.liveRunId,
      GRAPHIQL_DEMO_IDS.treeProcessId,
      'process-abc123',
      'jobrun-001',
    ];
    for (const id of fixtureIds) expect(`${mutations.query}${mutations.variables}`).not.toContain(id);
  });

  it('the real-upstream tab names no demo id', () => {
    for (const tab of REAL_UPSTREAM_TABS) expect(`${tab.query}${tab.variables ?? ''}`).not.toMatch(/demo-|processrun-/);
  });

  it('the real-upstream tab: one tab, a placeholder id in the variables, a comment saying where Authorization goes', () => {
    expect(REAL_UPSTREAM_TABS).toHaveLength(1);
    expect(JSON.parse(REAL_UPSTREAM_TABS[0]!.variables!)).toEqual({ id: '' });
    expect(REAL_UPSTREAM_TABS[0]!.query).toMatch(/^# .*Headers pane/m);
    expect(REAL_UPSTREAM_TABS[0]!.query).toContain('{"Authorization": "Bearer <your token>"}');
  });

  it('a tab holding several operations names itself by what it holds (its first operation names the tab)', () => {
    const titles = GRAPHIQL_TABS.map((tab) => operationNames(tab.query)[0]);
    expect(titles).toEqual(['Trees', 'Jobs', 'Live', 'Errors', 'Processes', 'Mutations']);
  });
});
