// The upstream's 429 body is read for a retry hint in any common phrasing, and never for another number of the
// sentence (the limit's own "1000 per 60 seconds").
import { execute, expectOnlyError, json, useGateway } from '../harness';

const PHRASINGS: Array<[string, number | undefined]> = [
  ['Rate limit of 1000 per 60 seconds exceeded. Retry request in 10 seconds.', 10],
  ['Rate limit of 1000 per 60 seconds exceeded. Try again in 10 seconds.', 10],
  ['Rate limit of 1000 per 60 seconds exceeded; retry after 10 seconds', 10],
  ['Too many requests. Please try again in 7 seconds', 7],
  ['Rate limit of 1000 per 60 seconds exceeded.', undefined],
  ['Retry later; the limit is 1000 per 60 seconds.', undefined],
];

describe('upstream 429: the retry hint in the message', () => {
  // One attempt: the answer carries the hint at once instead of waiting out a retry.
  const t = useGateway({ env: { UPSTREAM_MAX_ATTEMPTS: '1' } });

  it.each(PHRASINGS)('"%s" → retryAfter %s', async (message, expected) => {
    t.upstream.onAny((_request, response) => json(response, 429, { code: '429', message }));
    const error = expectOnlyError(await execute(t.gateway, '{ processRun(id: "run-1") { id } }'), 'RATE_LIMITED');
    expect(error.extensions?.retryAfter).toBe(expected);
  });
});
