import { execute, expectOnlyError, json, withGateway } from '../harness';

// The token endpoint's body goes through the same bounded reader as every upstream body (64 KiB for a token).
const CLIENT_CREDENTIALS = { UPSTREAM_CLIENT_ID: 'gateway-client', UPSTREAM_CLIENT_SECRET: 'gateway-secret' };
const QUERY = `query { processRun(id: "run-1") { id } }`;
const HUGE_TOKEN = { access_token: 'x'.repeat(100 * 1024), token_type: 'Bearer', expires_in: 3600 };

describe('client credentials – an oversized token response', () => {
  it.each([
    ['with Content-Length (refused up front)', false],
    ['chunked (refused while streaming)', true],
  ])('%s is UPSTREAM_BAD_RESPONSE and no process run call is made', async (_name, chunked) => {
    await withGateway(CLIENT_CREDENTIALS, async (gateway) => {
      gateway.upstream.onPath('POST', '/oauth2/token', (_request, response) => {
        if (!chunked) return json(response, 200, HUGE_TOKEN);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(HUGE_TOKEN));
      });
      const error = expectOnlyError(
        await execute(gateway, QUERY, undefined, { headers: { authorization: '' } }),
        'UPSTREAM_BAD_RESPONSE',
      );
      expect(error.message).toBe(
        'The Processes API sent a response this gateway cannot use: the token response is larger than 65536 bytes.',
      );
      expect(gateway.upstream.runRequests).toHaveLength(0);
    });
  });
});
