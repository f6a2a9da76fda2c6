import { join } from 'node:path';
import { seedProcessRun } from '../../src/demo/fixtures';
import { postGraphQL, useGateway } from '../harness';

// The allowlist codegen writes for examples/frontend-queries: the real workflow, not a hand-made fixture.
const ALLOWLIST = join(__dirname, '..', '..', 'examples', 'frontend-queries', 'generated', 'persisted-documents.json');
const RUN_HEADER_HASH = '584def437cc8bc420bf03e7d2fadfe4549365dfd012d5bfc7de019024a8aaa49';

describe('trusted documents – PERSISTED_OPERATIONS_FILE', () => {
  const t = useGateway({
    env: { PERSISTED_OPERATIONS_FILE: ALLOWLIST },
    upstream: (upstream) => upstream.serveRun(seedProcessRun),
  });
  // Requests by hash are not documents, so they go through postGraphQL rather than execute.
  const post = (body: Record<string, unknown>) => postGraphQL(t.gateway, body);

  it('runs an allowlisted operation sent by APQ-style hash', async () => {
    const response = await post({
      variables: { id: 'processrun-xyz789' },
      extensions: { persistedQuery: { version: 1, sha256Hash: RUN_HEADER_HASH } },
    });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.processRun.name).toBe('Q4 2024 Financial Close');
    expect(t.upstream.runRequests).toHaveLength(1);
  });

  it('runs an allowlisted operation sent by documentId', async () => {
    const response = await post({ documentId: RUN_HEADER_HASH, variables: { id: 'processrun-xyz789' } });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.processRun.id).toBe('processrun-xyz789');
  });

  it('rejects a query that is not sent by hash, before any upstream call', async () => {
    const response = await post({ query: '{ processRun(id: "processrun-xyz789") { id name } }' });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      {
        message:
          'This gateway only runs trusted documents: send the hash of an allowlisted operation (extensions.persistedQuery.sha256Hash or documentId), not a query.',
        extensions: { code: 'PERSISTED_QUERY_ONLY' },
      },
    ]);
    expect(t.upstream.runRequests).toHaveLength(0);
  });

  it('rejects a hash that is not on the allowlist', async () => {
    const response = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: 'This operation is not in the trusted documents allowlist.',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      },
    ]);
    expect(t.upstream.runRequests).toHaveLength(0);
  });

  it('rejects a request with neither a query nor a hash', async () => {
    const response = await post({ variables: { id: 'processrun-xyz789' } });
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_ID_REQUIRED');
  });
});
