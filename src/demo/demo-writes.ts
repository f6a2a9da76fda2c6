// The embedded demo upstream's writes: runProcess, jobRuns, create, batchUpdates, trash, over a DemoProcessStore.
// The error-table ids of demo-errors.ts work as processId / processRunId (and as a createProcess name);
// DEMO_ACTS_THEN_STALLS starts a real run and then never answers, so the caller sees outcome UNKNOWN.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UpstreamGroupRun, UpstreamJobRun, UpstreamProcessRun, UpstreamRunNodeWrapper } from '../upstream/types';
import { DEMO_FAILURES, type DemoFailure } from './demo-errors';
import type { UpstreamGroup } from '../upstream/process-types';
import { DemoProcessStore, jobsOf, type DemoProcess, type DemoProcessStoreOptions } from './demo-process-store';
import { DEMO_PROCESSES, DEMO_RUNS, GENERATED_RUNS, seedProcess } from './fixtures';
import { liveDemoRun } from './fixtures/live-run';

export const DEMO_ACTS_THEN_STALLS = 'demo-acts-then-stalls';

type Send = (response: ServerResponse, status: number, body: unknown) => void;
type Fail = (response: ServerResponse, failure: DemoFailure) => void;

interface Route {
  method: string;
  pattern: RegExp;
  handle(store: DemoProcessStore, id: string, body: unknown, url: URL): Answer;
}

type Answer = { status: number; body?: unknown } | { stallAfterActing: true };

const notFound = (what: string, id: string): Answer => ({
  status: 404,
  body: { code: '404', message: `Could not find ${what} id ${id}` },
});
const invalid = (message: string, target?: string): Answer => ({
  status: 400,
  body: { code: 'invalidRequest', message, ...(target && { target }) },
});

const ROUTES: Route[] = [
  {
    method: 'POST',
    pattern: /^\/processes\/([^/]+)\/run$/,
    handle(store, id) {
      const process = store.processes.get(id);
      if (!process) return notFound('process', id);
      const run = store.startRun(process);
      return id === DEMO_ACTS_THEN_STALLS ? { stallAfterActing: true } : { status: 201, body: run };
    },
  },
  {
    method: 'POST',
    pattern: /^\/processRuns\/([^/]+)\/jobRuns$/,
    handle(store, id, body, url) {
      const run = store.runs.get(id);
      if (!run) return notFound('process run', id);
      if (!Array.isArray(body) || body.length === 0) return invalid('The body must be a non-empty array of job runs.');
      if (!body.every((element) => typeof element?.action === 'string'))
        return invalid('Every job run needs an action.', 'action');
      return insertJobRuns(store, run, body, url.searchParams);
    },
  },
  {
    method: 'POST',
    pattern: /^\/processes$/,
    handle(store, _id, body) {
      const input = body as { name?: unknown; root?: { children?: unknown } } | null;
      if (typeof input?.name !== 'string' || typeof input.root !== 'object' || !Array.isArray(input.root?.children)) {
        return invalid('A process needs a name and a root group with children.', 'root');
      }
      return { status: 201, body: store.addProcess(input as Parameters<DemoProcessStore['addProcess']>[0]) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/processes\/([^/]+)\/batchUpdates$/,
    handle(store, id, body) {
      const process = store.processes.get(id);
      if (!process) return notFound('process', id);
      const items = (body as { data?: unknown } | null)?.data;
      if (!Array.isArray(items)) return invalid('The body must be { data: [...] }.', 'data');
      for (const item of items) {
        const update = item?.jobNameUpdate ?? item?.groupNameUpdate;
        const target = process.root
          ? findNode(process.root, item?.type === 'groupName' ? 'group' : 'job', update?.id)
          : null;
        if (!target || typeof update?.newName !== 'string')
          return invalid(
            `No ${item?.type === 'groupName' ? 'group' : 'job'} ${String(update?.id)} in process ${id}.`,
            'id',
          );
        target.name = update.newName;
      }
      if (items.length > 0)
        process.modified = { dateTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), user: { id: 'demo-user' } };
      return { status: 200, body: process };
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/processes\/([^/]+)$/,
    handle(store, id) {
      const process = store.processes.get(id);
      if (!process) return notFound('process', id);
      store.processes.delete(id);
      store.trashed.set(id, process);
      return { status: 204 };
    },
  },
];

/** Answers a write request; false when no write route matches (the caller answers 404). */
export function handleDemoWrite(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  store: DemoProcessStore,
  send: Send,
  fail: Fail,
): boolean {
  for (const route of ROUTES) {
    const match = request.method === route.method ? route.pattern.exec(url.pathname) : null;
    if (!match) continue;
    const id = match[1] === undefined ? '' : decodeURIComponent(match[1]);
    void readJson(request).then((body) => {
      const failure =
        DEMO_FAILURES.get(id) ??
        (route.pattern.source === '^\\/processes$'
          ? DEMO_FAILURES.get(String((body as { name?: unknown })?.name))
          : undefined);
      if (failure) return fail(response, failure);
      if (body === INVALID_JSON)
        return send(response, 400, { code: 'invalidRequest', message: 'The body is not JSON.' });
      const answer = route.handle(store, id, body, url);
      if ('stallAfterActing' in answer) return fail(response, { kind: 'stall' });
      if (answer.status === 204) {
        response.writeHead(204);
        response.end();
        return;
      }
      send(response, answer.status, answer.body);
    });
    return true;
  }
  return false;
}

/** Inserts where asked: under parentGroupId (else the root), before or after relativeSiblingId (else at the end). */
function insertJobRuns(
  store: DemoProcessStore,
  run: UpstreamProcessRun,
  elements: Array<{ action: string; arguments?: unknown }>,
  query: URLSearchParams,
): Answer {
  const parentId = query.get('parentGroupId');
  const parent = parentId === null ? run.root : findGroupRun(run.root, parentId);
  if (!parent) return invalid(`No group ${parentId} in run ${run.id}.`, 'parentGroupId');
  const children = [...(parent.children ?? [])].sort(
    (a, b) => (a.jobRun ?? a.groupRun)!.ordinal! - (b.jobRun ?? b.groupRun)!.ordinal!,
  );
  const siblingId = query.get('relativeSiblingId');
  let at = children.length;
  if (siblingId !== null) {
    const index = children.findIndex((child) => (child.jobRun ?? child.groupRun)?.id === siblingId);
    if (index < 0) return invalid(`No sibling ${siblingId} in group ${parent.id}.`, 'relativeSiblingId');
    at = query.get('before') === 'false' ? index + 1 : index;
  }
  const created: UpstreamJobRun[] = elements.map((element) => store.newJobRun(element));
  children.splice(at, 0, ...created.map((jobRun): UpstreamRunNodeWrapper => ({ type: 'job', jobRun })));
  children.forEach((child, ordinal) => ((child.jobRun ?? child.groupRun)!.ordinal = ordinal));
  parent.children = children;
  if (run.status === 'complete' && jobsOf(run.root).some((job) => job.status !== 'complete')) run.status = 'running';
  store.touch(run);
  return { status: 201, body: created };
}

function findGroupRun(group: UpstreamGroupRun, id: string): UpstreamGroupRun | null {
  if (group.id === id) return group;
  for (const child of group.children ?? []) {
    const found = child.groupRun ? findGroupRun(child.groupRun, id) : null;
    if (found) return found;
  }
  return null;
}

function findNode(group: UpstreamGroup, kind: 'job' | 'group', id: unknown): { name?: string | null } | null {
  if (kind === 'group' && group.id === id) return group;
  for (const child of group.children ?? []) {
    if (child.type === 'job' && kind === 'job' && child.job && child.job.id === id) return child.job;
    const found = child.type === 'group' && child.group ? findNode(child.group, kind, id) : null;
    if (found) return found;
  }
  return null;
}

const INVALID_JSON = Symbol('invalid JSON');

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/**
 * The demo's store: the fixture processes and runs, the process whose run start is "lost" (never started), and the
 * live demo run, which moves like a started run from its first read (Subscription.processRunUpdated).
 */
export function createDemoProcessStore(options: DemoProcessStoreOptions): DemoProcessStore {
  const stalls: DemoProcess = {
    ...structuredClone(seedProcess),
    id: DEMO_ACTS_THEN_STALLS,
    name: 'Starts a run, then the answer is lost',
    run: null,
  };
  const store = new DemoProcessStore(
    { processes: [...DEMO_PROCESSES, stalls], runs: [...DEMO_RUNS.values(), ...GENERATED_RUNS] },
    options,
  );
  store.addReplayingRun(liveDemoRun());
  return store;
}
