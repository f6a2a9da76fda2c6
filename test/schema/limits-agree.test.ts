// Limits agree: an operation within the upstream-call budget (50 distinct runs by default) is never refused by
// the alias limit first; one run over the budget is refused by the budget, with the budget's message.
import { seedProcessRun } from '../../src/demo/fixtures';
import { execute, expectNoErrors, expectOnlyError, json, useGateway } from '../harness';

function distinctRuns(count: number): string {
  const fields = Array.from({ length: count }, (_unused, index) => `r${index}: processRun(id: "run-${index}") { id }`);
  return `query ManyRuns { ${fields.join(' ')} }`;
}

describe('limits agree with each other (defaults)', () => {
  const t = useGateway();

  it('50 distinct runs (the whole default budget), each aliased, are served', async () => {
    t.upstream.onAny((request, response) =>
      json(response, 200, { ...seedProcessRun, id: decodeURIComponent(request.path.split('/').pop()!) }),
    );
    const data = expectNoErrors(await execute(t.gateway, distinctRuns(50)));
    expect(Object.keys(data)).toHaveLength(50);
  });

  it('51 distinct runs are refused by the upstream-call budget, not by the alias limit, before any upstream call', async () => {
    const error = expectOnlyError(await execute(t.gateway, distinctRuns(51)), 'OPERATION_LIMIT_EXCEEDED');
    expect(error.message).toMatch(/upstream calls/);
    expect(error.message).not.toMatch(/aliases/);
    expect(t.upstream.requests).toHaveLength(0);
  });
});
