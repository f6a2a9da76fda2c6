import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { LIVE_DEMO_STEPS } from '../../src/demo/fixtures/live-run';
import { GRAPHIQL_TABS } from '../../src/server/graphiql-tabs';
import { metricSample, scrapeMetrics, useDemoGateway } from '../harness';

// Same browser set-up as test/http/browser-graphiql.test.ts: Debian's chromium, skipped only off CI without it.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const canSkip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
const describeWithChromium = canSkip ? describe.skip : describe;
if (canSkip) {
  process.stderr.write(`SKIPPED test/http/browser-graphiql-live.test.ts: no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);
}

const metric = async (gateway: { url: string }, name: string): Promise<number> => metricSample(await scrapeMetrics(gateway), name);

describeWithChromium('GraphiQL in headless Chromium – the live tab', () => {
  const demo = useDemoGateway({ LIVE_POLL_INTERVAL_MS: '1000' });
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'graphiql-live-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('WatchLiveRun subscribes over SSE: the result pane shows the run move, then COMPLETE, and the subscription ends', async () => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The live tab's operation, opened by URL: switching tabs does not change the editor in this GraphiQL set-up
    // (Yoga pins the editor to its `query` parameter), so clicking the tab alone would run the first tab.
    const liveTab = GRAPHIQL_TABS.find((tab) => tab.query.includes('subscription WatchLiveRun'))!;
    await page.goto(`${demo.gateway.url}/graphql?query=${encodeURIComponent(liveTab.query)}`);
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.graphiql-query-editor').getByText('processrun-live-001').first().waitFor({ timeout: 30_000 });
    await run.click();

    // Read the pane until the run is complete, noting each revision shown (the pane shows the latest event).
    const result = page.locator('.result-window');
    const revisions = new Set<number>();
    const deadline = Date.now() + 60_000; // the demo takes about LIVE_DEMO_STEPS × 3 s; generous for a loaded machine
    let text = '';
    while (Date.now() < deadline) {
      text = (await result.innerText()).replace(/\s+/g, ' ');
      const revision = /"revision": (\d+)/.exec(text);
      if (revision && text.includes('"id": "processrun-live-001"')) revisions.add(Number(revision[1]));
      if (revisions.has(1 + LIVE_DEMO_STEPS)) break;
      await page.waitForTimeout(200);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql-live-run.png') });
    expect(text).toContain('"status": "COMPLETE"');
    expect(revisions.size).toBeGreaterThanOrEqual(2);
    expect(Math.max(...revisions)).toBe(1 + LIVE_DEMO_STEPS);
    // The server sent at least two events to this subscriber and then released it (completion).
    expect(await metric(demo.gateway, 'gateway_live_events_total')).toBeGreaterThanOrEqual(2);
    const released = Date.now() + 15_000;
    while ((await metric(demo.gateway, 'gateway_live_subscriptions')) !== 0 && Date.now() < released) await page.waitForTimeout(100);
    expect(await metric(demo.gateway, 'gateway_live_subscriptions')).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
