import { connect } from 'node:net';
import { seedProcessRun } from '../../src/demo/fixtures';
import { execute, json, TEST_TOKEN, useFakeUpstream, useSpawnedGateway, waitFor } from '../harness';

const IN_FLIGHT = 50;
const UPSTREAM_DELAY_MS = 500;

/** Resolves with the error code of a fresh TCP connection attempt, or 'connected'. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('graceful shutdown under load (the real entry point, node dist/index.js)', () => {
  // Upstream answers take at least UPSTREAM_DELAY_MS and wait for the test to have seen the listener close,
  // so "in flight during shutdown" does not depend on how fast this machine is.
  let releaseAnswers!: () => void;
  const answersReleased = new Promise<void>((resolve) => (releaseAnswers = resolve));
  const fake = useFakeUpstream((upstream) =>
    upstream.onAny(async (request, response) => {
      const id = decodeURIComponent(request.path.slice('/processRuns/'.length));
      await Promise.all([answersReleased, new Promise((resolve) => setTimeout(resolve, UPSTREAM_DELAY_MS))]);
      json(response, 200, { ...seedProcessRun, id });
    }),
  );
  const t = useSpawnedGateway(() => ({ UPSTREAM_BASE_URL: fake.upstream.url, SHUTDOWN_GRACE_MS: '10000' }));
  afterAll(() => releaseAnswers());

  it('SIGTERM with 50 operations in flight: all 50 complete, new connections are refused, exit code 0', async () => {
    const { gateway } = t;
    const { upstream } = fake;
    const port = Number(new URL(gateway.url).port);
    const operations = Array.from({ length: IN_FLIGHT }, async (_, index) => {
      const { status, body } = await execute(
        gateway,
        'query($id: ID!) { processRun(id: $id) { id name } }',
        { id: `run-${index}` },
        {
          headers: { authorization: TEST_TOKEN },
        },
      );
      return { status, body };
    });

    // Every operation has reached the upstream and is waiting on its answer: they are truly in flight.
    await waitFor(() => upstream.runRequests.length === IN_FLIGHT, `${IN_FLIGHT} upstream requests`);
    gateway.child.kill('SIGTERM');

    // The listener closes at once; the process is still alive, finishing the in-flight operations.
    let refusal = 'connected';
    // Retries for up to 5 s: each attempt is one loopback connect, so this only bounds a listener that never closes.
    const deadline = Date.now() + 5_000;
    // A connection caught in the accept backlog as the listener closes is reset (ECONNRESET); keep trying.
    while (refusal !== 'ECONNREFUSED' && Date.now() < deadline) refusal = await tryConnect(port);
    expect(refusal).toBe('ECONNREFUSED');
    const stillRunningWhenRefused = gateway.child.exitCode === null;
    releaseAnswers();

    const results = await Promise.all(operations);
    expect(results).toEqual(
      Array.from({ length: IN_FLIGHT }, (_, index) => ({
        status: 200,
        body: { data: { processRun: { id: `run-${index}`, name: seedProcessRun.name } } },
      })),
    );
    expect(await gateway.exited).toBe(0);
    expect(stillRunningWhenRefused).toBe(true);
    expect(gateway.logs.find((entry) => entry.msg === 'shutdown complete')).toMatchObject({ drained: true });
    expect(gateway.logs.filter((entry) => entry.msg === 'unhandled promise rejection')).toEqual([]);
    expect(upstream.runRequests).toHaveLength(IN_FLIGHT);
  });
});
