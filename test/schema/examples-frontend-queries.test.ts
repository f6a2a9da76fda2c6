import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print, validate, type DocumentNode } from 'graphql';
import { RunHeaderDocument, RunJobsDocument, RunTreeDocument } from '../../examples/frontend-queries/generated/graphql';
import { certificationRun, nestedGroupsRun, seedProcessRun } from '../../src/demo/fixtures';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { FakeUpstream } from './fakes/upstream';
import { startTestGateway, type TestGateway } from './support/gateway';

const EXAMPLES = join(__dirname, '..', 'examples', 'frontend-queries');
const PERSISTED = JSON.parse(readFileSync(join(EXAMPLES, 'generated', 'persisted-documents.json'), 'utf8')) as Record<string, string>;

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
    for (const typed of [RunHeaderDocument, RunJobsDocument, RunTreeDocument] as DocumentNode[]) {
      expect(validate(schema, typed).map((error) => error.message)).toEqual([]);
    }
  });

  it('the persisted-documents allowlist holds exactly the three operations, each under the sha256 of its text', () => {
    const names = Object.values(PERSISTED).map((text) => /query (\w+)/.exec(text)![1]);
    expect(names.sort()).toEqual(['RunHeader', 'RunJobs', 'RunTree']);
    for (const [hash, text] of Object.entries(PERSISTED)) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
      expect(validate(schema, parse(text)).map((error) => error.message)).toEqual([]);
    }
  });

  describe('against a running gateway', () => {
    let upstream: FakeUpstream;
    let gateway: TestGateway;

    beforeAll(async () => {
      upstream = await new FakeUpstream().start();
      upstream.serveRun(seedProcessRun).serveRun(nestedGroupsRun).serveRun(certificationRun);
      gateway = await startTestGateway(upstream.url);
    });
    afterAll(async () => {
      await gateway.close();
      await upstream.stop();
    });

    it('RunHeader answers the header of the seed run', async () => {
      const response = await gateway.query(print(RunHeaderDocument), { id: seedProcessRun.id });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.processRun).toMatchObject({
        id: 'processrun-xyz789',
        name: 'Q4 2024 Financial Close',
        status: 'RUNNING',
        dueDate: '2024-12-31',
        process: { id: 'process-abc123' },
      });
    });

    it('RunJobs lists jobs with assignees and approvers', async () => {
      const response = await gateway.query(print(RunJobsDocument), { id: seedProcessRun.id });
      expect(response.body.errors).toBeUndefined();
      const [first, second] = response.body.data!.processRun.jobs;
      expect(first.arguments).toMatchObject({ __typename: 'SendTaskArguments', assignee: { __typename: 'User', id: 'user-abc123' } });
      expect(second.arguments).toMatchObject({ __typename: 'ContentRequestArguments', approver: { __typename: 'User', id: 'manager-ghi789' } });
    });

    it('RunTree reaches the third level of nested groups', async () => {
      const response = await gateway.query(print(RunTreeDocument), { id: nestedGroupsRun.id });
      expect(response.body.errors).toBeUndefined();
      const text = JSON.stringify(response.body.data);
      expect(text).toContain('"grouprun-review-audit"');
      expect(upstream.runRequests).toHaveLength(3);
    });
  });
});
