// statusCounts with excludeGeneratedJobs: the schema says the counts are the whole run's (excluded jobs included),
// and the demo answers exactly that.
import type { GraphQLObjectType } from 'graphql';
import { excludeGeneratedJobs } from '../../src/demo/exclude-generated-jobs';
import { certificationRun } from '../../src/demo/fixtures';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { execute, expectNoErrors, json, useGateway } from '../harness';

const QUERY = `query Cert($exclude: Boolean!) {
  processRun(id: "${certificationRun.id}", excludeGeneratedJobs: $exclude) { statusCounts { upstreamStatus count } jobs { id } }
}`;

interface Answer {
  processRun: { statusCounts: Array<{ upstreamStatus: string; count: number }>; jobs: Array<{ id: string }> };
}

describe('statusCounts and excludeGeneratedJobs', () => {
  // The fake answers as the demo upstream does: its fixture, through its own excludeGeneratedJobs.
  const t = useGateway({
    upstream: (upstream) =>
      upstream.onRun(certificationRun.id, (request, response) =>
        json(
          response,
          200,
          request.query.get('excludeGeneratedJobs') === 'true'
            ? excludeGeneratedJobs(certificationRun)
            : certificationRun,
        ),
      ),
  });

  it('the SDL description says the counts include the excluded jobs', () => {
    const processRun = buildGatewaySchema().getType('ProcessRun') as GraphQLObjectType;
    const description = processRun.getFields().statusCounts!.description;
    expect(description).toMatch(/excludeGeneratedJobs: true` are still counted/);
  });

  it('the demo keeps the whole-run counts when generated jobs are left out of the list', async () => {
    const all = expectNoErrors(await execute<Answer>(t.gateway, QUERY, { exclude: false }));
    const without = expectNoErrors(await execute<Answer>(t.gateway, QUERY, { exclude: true }));
    const total = (answer: Answer) => answer.processRun.statusCounts.reduce((sum, entry) => sum + entry.count, 0);
    expect(without.processRun.statusCounts).toEqual(all.processRun.statusCounts);
    expect(total(all)).toBe(all.processRun.jobs.length);
    expect(without.processRun.jobs.length).toBeLessThan(all.processRun.jobs.length);
    expect(total(without)).toBeGreaterThan(without.processRun.jobs.length);
  });
});
