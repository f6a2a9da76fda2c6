import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type DefinitionNode } from 'graphql';
import { DEMO_PROCESSES, nestedGroupsRun, seedProcess, seedProcessRun } from '../../src/demo/fixtures';
import { execute, expectNoErrors, TEST_TOKEN, useGateway } from '../harness';
import {
  composeWith,
  startAnnotationsSubgraph,
  startRelaySubgraph,
  startWorkSubgraph,
  type Composer,
  type NeighbourSubgraph,
} from '../harness/federation/neighbour-subgraphs';
import { startFederationGateway, type FederationGateway } from '../harness/federation/supergraph';

// The composition matrix of issue 19: each neighbour, both composers, and a real @apollo/gateway executing a
// cross-subgraph query over HTTP against this gateway (itself against the fake upstream).
const RELEASED_SDL = readFileSync(join(__dirname, '..', '..', 'sdl', 'released.graphql'), 'utf8');
const COMPOSERS: Composer[] = ['apollo', 'guild'];
/** A type's definition in an SDL, read structurally (the printer breaks directives onto their own lines). */
function definitionOf(sdl: string, name: string): DefinitionNode | undefined {
  return parse(sdl).definitions.find((definition) => 'name' in definition && definition.name?.value === name);
}

/** `name @directive(args)` of an object type's directives, printed. */
function directivesOf(sdl: string, name: string): string[] {
  const definition = definitionOf(sdl, name);
  return definition?.kind === Kind.OBJECT_TYPE_DEFINITION
    ? (definition.directives ?? []).map((directive) => print(directive))
    : [];
}

const annualReport = DEMO_PROCESSES.find((process) => process.id === 'process-annual-report')!;

describe('federation – composing and executing beside the neighbours supergraph teams run', () => {
  const t = useGateway({
    upstream: (upstream) =>
      upstream
        .serveRun(seedProcessRun)
        .serveRun(nestedGroupsRun)
        .serveProcess(seedProcess)
        .serveProcess(annualReport)
        .serveProcessList(DEMO_PROCESSES),
  });
  let ours: () => { name: string; url: string; sdl: string };
  let sdl: string;

  beforeAll(async () => {
    sdl = expectNoErrors(await execute<{ _service: { sdl: string } }>(t.gateway, '{ _service { sdl } }'))._service.sdl;
    ours = () => ({ name: 'process-runs', url: `${t.gateway.url}/graphql`, sdl });
  });
  beforeEach(() => {
    t.upstream.requests.length = 0;
  });

  /** A router over this subgraph and `neighbour`, composed by `composer`. */
  async function routerBeside(neighbour: NeighbourSubgraph, composer: Composer): Promise<FederationGateway> {
    const { supergraphSdl, errors } = composeWith(composer, [ours(), neighbour]);
    expect(errors).toEqual([]);
    return startFederationGateway(supergraphSdl!, { authorization: TEST_TOKEN });
  }

  describe('(a) a Relay-style subgraph: Node, its own connection, PageInfo @shareable', () => {
    let relay: NeighbourSubgraph;
    beforeAll(async () => {
      relay = await startRelaySubgraph();
    });
    afterAll(() => relay?.close());

    it('our PageInfo is the Relay shape exactly and @shareable', () => {
      const pageInfo = definitionOf(sdl, 'PageInfo');
      expect(pageInfo?.kind).toBe(Kind.OBJECT_TYPE_DEFINITION);
      if (pageInfo?.kind !== Kind.OBJECT_TYPE_DEFINITION) return;
      expect(pageInfo.fields?.map((field) => `${field.name.value}: ${print(field.type)}`)).toEqual([
        'hasNextPage: Boolean!',
        'hasPreviousPage: Boolean!',
        'startCursor: String',
        'endCursor: String',
      ]);
      expect(directivesOf(sdl, 'PageInfo')).toEqual(['@shareable']);
    });

    it.each(COMPOSERS)('composes with %s composition', (composer) => {
      expect(composeWith(composer, [ours(), relay]).errors).toEqual([]);
    });

    it.each(COMPOSERS)('the SDL released before (PageInfo not @shareable) fails %s composition', (composer) => {
      const { errors } = composeWith(composer, [{ ...ours(), sdl: RELEASED_SDL }, relay]);
      expect(errors.join('\n')).toMatch(
        /Non-shareable field "PageInfo\.hasNextPage" is resolved from multiple subgraphs/,
      );
    });

    it.each(COMPOSERS)(
      'executes teams → watched processes (our _entities) and both PageInfos (%s supergraph)',
      async (composer) => {
        const router = await routerBeside(relay, composer);
        try {
          const result = await router.execute(`{
          teams(first: 1) { pageInfo { hasNextPage endCursor } edges { node { name watchedProcesses { id name } } } }
          processes(first: 1, orderBy: { field: NAME, direction: ASC }) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { name } }
        }`);
          expect(result.errors).toBeUndefined();
          expect(result.data.teams).toEqual({
            pageInfo: { hasNextPage: false, endCursor: 'c:team-finance' },
            edges: [
              {
                node: {
                  name: 'Finance',
                  watchedProcesses: [
                    { id: 'process-abc123', name: 'Q4 2024 Financial Close' },
                    { id: 'process-annual-report', name: 'FY2024 Annual Report' },
                  ],
                },
              },
            ],
          });
          const page = result.data.processes;
          expect(page.nodes).toHaveLength(1);
          expect(page.pageInfo).toEqual({
            hasNextPage: true,
            hasPreviousPage: false,
            startCursor: expect.any(String),
            endCursor: page.pageInfo.startCursor,
          });
          expect(
            router.calls.filter((call) => call.subgraph === 'process-runs' && call.query.includes('_entities')),
          ).toHaveLength(1);
        } finally {
          await router.stop();
        }
      },
    );
  });

  describe('(b) a subgraph owning Group, Job, Task, Document and enums Status, JobStatus, TaskStatus', () => {
    let work: NeighbourSubgraph;
    beforeAll(async () => {
      work = await startWorkSubgraph();
    });
    afterAll(() => work?.close());

    it('our build-time and status types carry the Process prefix; the references stay resolvable: false', () => {
      for (const name of ['ProcessGroup', 'ProcessJob', 'ProcessTaskStatus'])
        expect(definitionOf(sdl, name)).toBeDefined();
      for (const name of ['Group', 'Job', 'TaskStatus', 'Status', 'JobStatus'])
        expect(definitionOf(sdl, name)).toBeUndefined();
      for (const stub of ['User', 'Document', 'Task'])
        expect(directivesOf(sdl, stub)).toEqual(['@key(fields: "id", resolvable: false)']);
    });

    it.each(COMPOSERS)('composes with %s composition', (composer) => {
      expect(composeWith(composer, [ours(), work]).errors).toEqual([]);
    });

    it.each(COMPOSERS)('the SDL released before (Group, Job, TaskStatus) fails %s composition', (composer) => {
      const errors = composeWith(composer, [{ ...ours(), sdl: RELEASED_SDL }, work]).errors.join('\n');
      expect(errors).toMatch(/"Group\.id"/);
      expect(errors).toMatch(/"Job\.id"/);
      expect(errors).toMatch(/Enum type "TaskStatus" is used as both input type/);
    });

    it.each(COMPOSERS)(
      'executes a run → its tasks and documents, owned by the neighbour (%s supergraph)',
      async (composer) => {
        const router = await routerBeside(work, composer);
        try {
          const result = await router.execute(`{
          processRun(id: "processrun-xyz789") {
            jobs { arguments { ... on TaskJobArguments { document { id title } } } metadata { ... on TaskJobMetadata { status task { id title status } } } }
          }
          groups { name status }
          jobs { command status }
        }`);
          expect(result.errors).toBeUndefined();
          const jobs = result.data.processRun.jobs as Array<{
            arguments: { document?: { id: string; title: string } };
            metadata: { task?: { id: string; title: string } } | null;
          }>;
          const documents = jobs.map((job) => job.arguments?.document).filter(Boolean);
          const tasks = jobs.map((job) => job.metadata?.task).filter(Boolean);
          expect(documents.length).toBeGreaterThan(0);
          expect(tasks.length).toBeGreaterThan(0);
          for (const document of documents)
            expect(document).toEqual({ id: document!.id, title: `Document ${document!.id}` });
          for (const task of tasks) expect(task).toEqual({ id: task!.id, title: `Task ${task!.id}`, status: 'OPEN' });
          expect(result.data.groups).toEqual([{ name: 'Controllers', status: 'ACTIVE' }]);
          expect(result.data.jobs).toEqual([{ command: 'nightly-export', status: 'RUNNING' }]);
          expect(
            router.calls.filter((call) => call.subgraph === 'work' && call.query.includes('_entities')).length,
          ).toBeGreaterThan(0);
          expect(t.upstream.requests.map((request) => request.path)).toEqual(['/processRuns/processrun-xyz789']);
        } finally {
          await router.stop();
        }
      },
    );
  });

  describe('(c) a subgraph extending ProcessRun and Process with fields of its own', () => {
    let annotations: NeighbourSubgraph;
    beforeAll(async () => {
      annotations = await startAnnotationsSubgraph();
    });
    afterAll(() => annotations?.close());

    it.each(COMPOSERS)('composes with %s composition', (composer) => {
      expect(composeWith(composer, [ours(), annotations]).errors).toEqual([]);
    });

    it.each(COMPOSERS)(
      'executes our run → its annotations and its process owner, and flagged runs → ours (%s supergraph)',
      async (composer) => {
        const router = await routerBeside(annotations, composer);
        try {
          const run = await router.execute(
            '{ processRun(id: "processrun-xyz789") { name annotations process { name owner } } }',
          );
          expect(run.errors).toBeUndefined();
          expect(run.data).toEqual({
            processRun: {
              name: 'Q4 2024 Financial Close',
              annotations: ['note on processrun-xyz789'],
              process: { name: 'Q4 2024 Financial Close', owner: 'owner of process-abc123' },
            },
          });
          expect(
            router.calls
              .filter((call) => call.subgraph === 'annotations')
              .every((call) => call.query.includes('_entities')),
          ).toBe(true);

          router.calls.length = 0;
          const flagged = await router.execute('{ flaggedRuns { id name status annotations } }');
          expect(flagged.errors).toBeUndefined();
          expect(flagged.data).toEqual({
            flaggedRuns: [
              {
                id: 'processrun-nested-001',
                name: 'FY2024 Annual Report',
                status: 'RUNNING',
                annotations: ['note on processrun-nested-001'],
              },
              {
                id: 'processrun-xyz789',
                name: 'Q4 2024 Financial Close',
                status: 'RUNNING',
                annotations: ['note on processrun-xyz789'],
              },
            ],
          });
          const ourCalls = router.calls.filter((call) => call.subgraph === 'process-runs');
          expect(ourCalls).toHaveLength(1);
          expect(ourCalls[0]!.query).toContain('_entities');
        } finally {
          await router.stop();
        }
      },
    );
  });
});
