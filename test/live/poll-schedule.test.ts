import { loadConfig } from '../../src/config/config';
import { backoffMs, idleIntervalMs, UNCHANGED_POLLS_PER_STEP } from '../../src/live/poll-schedule';

describe('live poll schedule', () => {
  it('idle curve: the base interval doubles after every 12 unchanged polls, up to the cap (5 s base, 30 s cap)', () => {
    expect(UNCHANGED_POLLS_PER_STEP).toBe(12);
    const at = (unchanged: number) => idleIntervalMs(unchanged, 5_000, 30_000);
    expect([0, 11, 12, 23, 24, 35, 36, 1_000].map(at)).toEqual([
      5_000, 5_000, 10_000, 10_000, 20_000, 20_000, 30_000, 30_000,
    ]);
  });

  it('backoff: exponential from the base with equal jitter, capped, never below Retry-After', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, 5_000, 30_000, null, () => 0))).toEqual([
      2_500, 5_000, 10_000, 15_000, 15_000,
    ]);
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, 5_000, 30_000, null, () => 1))).toEqual([
      5_000, 10_000, 20_000, 30_000, 30_000,
    ]);
    expect(backoffMs(1, 5_000, 30_000, 60_000, () => 1)).toBe(60_000);
  });

  it('config: defaults; the public floor of LIVE_POLL_INTERVAL_MS is 1000 ms (lower only when code asks: the test gateway; NODE_ENV=test does not)', () => {
    expect(loadConfig({}).live).toEqual({
      pollIntervalMs: 5_000,
      maxPollIntervalMs: 30_000,
      maxUpstreamDownMs: 120_000,
      maxSubscriptions: 10_000,
      maxSubscriptionsPerConnection: 100,
      keepAliveMs: 12_000,
      multipartHeartbeatMs: 5_000,
      leaseTtlMs: 15_000,
      credentialSecret: null,
    });
    // The lease follows the interval (three of them), at least 3 s; the secret must be long enough to be one.
    expect(loadConfig({ LIVE_POLL_INTERVAL_MS: '1000' }).live.leaseTtlMs).toBe(3_000);
    expect(loadConfig({ LIVE_POLL_INTERVAL_MS: '2000', LIVE_LEASE_TTL_MS: '4000' }).live.leaseTtlMs).toBe(4_000);
    expect(() => loadConfig({ LIVE_LEASE_TTL_MS: '999' })).toThrow(/LIVE_LEASE_TTL_MS must be from 1000/);
    expect(() => loadConfig({ LIVE_MULTIPART_HEARTBEAT_MS: '999' })).toThrow(
      /LIVE_MULTIPART_HEARTBEAT_MS must be from 1000/,
    );
    expect(() => loadConfig({ LIVE_CREDENTIAL_SECRET: 'too-short' })).toThrow(
      'Invalid configuration: LIVE_CREDENTIAL_SECRET must be at least 32 characters',
    );
    expect(() => loadConfig({ LIVE_POLL_INTERVAL_MS: '999' })).toThrow(
      'Invalid configuration: LIVE_POLL_INTERVAL_MS must be from 1000 to 3600000, got 999',
    );
    expect(loadConfig({}, { liveTestFloors: true }).live).toEqual(loadConfig({}).live);
    expect(loadConfig({ LIVE_POLL_INTERVAL_MS: '40' }, { liveTestFloors: true }).live.pollIntervalMs).toBe(40);
    // No environment value lowers the floor: not NODE_ENV=test, nor any other NODE_ENV.
    for (const nodeEnv of ['test', 'development', 'production']) {
      expect(() => loadConfig({ NODE_ENV: nodeEnv, DEMO_UPSTREAM: 'true', LIVE_POLL_INTERVAL_MS: '40' })).toThrow(
        /LIVE_POLL_INTERVAL_MS must be from 1000/,
      );
    }
    expect(() => loadConfig({ LIVE_POLL_INTERVAL_MS: '10000', LIVE_MAX_POLL_INTERVAL_MS: '5000' })).toThrow(
      /LIVE_MAX_POLL_INTERVAL_MS must be at least/,
    );
  });
});
