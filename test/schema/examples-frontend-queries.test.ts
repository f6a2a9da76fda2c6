import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate, type DocumentNode } from 'graphql';
import {
  AddTaskDocument,
  RunHeaderDocument,
  RunJobsDocument,
  RunTreeDocument,
  StartRunDocument,
} from '../../examples/frontend-queries/generated/graphql';
import { certificationRun, nestedGroupsRun, seedProcessRun } from '../../src/demo/fixtures';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { execute, expectNoErrors, useGateway } from '../harness';

const EXAMPLES = join(__dirname, '..', '..', 'examples', 'frontend-queries');
const PERSISTED = JSON.parse(readFileSync(join(EXAMPLES, 'generated', 'persisted-documents.json'), 'utf8')) as Record<
  string,
  string
>;

// The operation sources as written (graphql(`...`) calls), independent of what codegen made of them.
function operationSources(): Array<{ file: string; source: string }> {
  const sources: Array<{ file: string; source: string }> = [];
  for (const file of readdirSync(join(EXAMPLES, 'operations')).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(EXAMPLES, 'operations', file), 'utf8');
    for (const match of text.matchAll(/graphql\(`([\s\S]*?)`\)/g)) sources.push({ file, source: match[1]! });
  }
  return sources;
}

describe('examples/frontend-queries – the operations a run-status page sends', () => {
  const schema = buildGatewaySchema();

  it('every example operation, with its fragments, is valid against the schema this gateway serves', () => {
    const sources = operationSources();
    expect(sources.length).toBeGreaterThanOrEqual(5);
    const document = parse(sources.map(({ source }) => source).join('\n'));
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    for (const typed of [
      RunHeaderDocument,
      RunJobsDocument,
      RunTreeDocument,
      StartRunDocument,
      AddTaskDocument,
    ] as DocumentNode[]) {
      expect(validate(schema, typed).map((error) => error.message)).toEqual([]);
    }
  });

  it('the persisted-documents allowlist holds exactly the example operations, each under the sha256 of its text', () => {
    const names = Object.values(PERSISTED).map((text) => /(?:query|mutation|subscription) (\w+)/.exec(text)![1]);
    expect(names.sort()).toEqual([
      'AddTask',
      'ProcessesListPage',
      'RunHeader',
      'RunJobs',
      'RunTree',
      'StartRun',
      'WatchRun',
    ]);
    for (const [hash, text] of Object.entries(PERSISTED)) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
      expect(validate(schema, parse(text)).map((error) => error.message)).toEqual([]);
    }
  });

  describe('against a running gateway', () => {
    const t = useGateway({
      upstream: (upstream) => upstream.serveRun(seedProcessRun).serveRun(nestedGroupsRun).serveRun(certificationRun),
    });

    it('RunHeader answers the header of the seed run', async () => {
      const data = expectNoErrors(await execute(t.gateway, RunHeaderDocument, { id: seedProcessRun.id }));
      expect(data.processRun).toMatchObject({
        id: 'processrun-xyz789',
        name: 'Q4 2024 Financial Close',
        status: 'RUNNING',
        dueDate: '2024-12-31',
        process: { id: 'process-abc123' },
      });
    });

    it('RunJobs lists jobs with assignees and approvers', async () => {
      const data = expectNoErrors(await execute(t.gateway, RunJobsDocument, { id: seedProcessRun.id }));
      const [first, second] = data.processRun!.jobs;
      expect(first!.arguments).toMatchObject({
        __typename: 'SendTaskArguments',
        assignee: { __typename: 'User', id: 'user-abc123' },
      });
      expect(second!.arguments).toMatchObject({
        __typename: 'ContentRequestArguments',
        approver: { __typename: 'User', id: 'manager-ghi789' },
      });
    });

    it('RunTree reaches the third level of nested groups', async () => {
      const data = expectNoErrors(await execute(t.gateway, RunTreeDocument, { id: nestedGroupsRun.id }));
      const text = JSON.stringify(data);
      expect(text).toContain('"grouprun-review-audit"');
      // The whole tree comes from one upstream call (the fake is reset between tests; before the harness this
      // counted the three tests' calls together).
      expect(t.upstream.runRequests).toHaveLength(1);
    });
  });
});
