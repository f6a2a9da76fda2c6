import { setTimeout as sleep } from 'node:timers/promises';
import { Deadline } from '../../src/upstream/resilience/deadline';

// The deadline's own contract; the gateway-level timeouts (UPSTREAM_TIMEOUT over real HTTP) are in
// resilience-faults.test.ts.
describe('Deadline', () => {
  it('aborts its signal with a TimeoutError once the budget is spent', async () => {
    const deadline = new Deadline(30);
    expect(deadline.signal.aborted).toBe(false);
    await sleep(120);
    expect(deadline.signal.aborted).toBe(true);
    expect((deadline.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(deadline.passed).toBe(true);
    expect(deadline.remainingMs()).toBe(0);
  });

  it('never fires once disposed: a call that ended in time leaves no timer behind', async () => {
    const deadline = new Deadline(30);
    deadline.dispose();
    await sleep(120);
    expect(deadline.signal.aborted).toBe(false);
  });
});
