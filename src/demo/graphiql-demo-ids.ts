// The demo ids GraphiQL's demo tabs name: app.ts hands them to src/graphiql/ (which imports nothing from here).
import { DEMO_ERROR_SCENARIOS } from './demo-errors';
import { DEMO_ACTS_THEN_STALLS } from './demo-writes';
import { certificationRun, nestedGroupsRun, seedProcessRun } from './fixtures';
import { LIVE_DEMO_RUN_ID } from './fixtures/live-run';

export const GRAPHIQL_DEMO_IDS = {
  seedRunId: seedProcessRun.id,
  nestedRunId: nestedGroupsRun.id,
  certificationRunId: certificationRun.id,
  liveRunId: LIVE_DEMO_RUN_ID,
  treeProcessId: nestedGroupsRun.process,
  errors: DEMO_ERROR_SCENARIOS.map(({ id, gatewayCode, summary }) => ({ id, gatewayCode, summary })),
  writeOutcomeUnknownProcessId: DEMO_ACTS_THEN_STALLS,
  assigneeId: 'user-abc123',
};
