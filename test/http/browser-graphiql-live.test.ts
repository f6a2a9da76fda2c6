import { LIVE_DEMO_STEPS } from '../../src/demo/fixtures/live-run';
import { GRAPHIQL_DEMO_IDS } from '../../src/demo/graphiql-demo-ids';
import { demoTabs } from '../../src/graphiql/demo-tabs';
import { metricSample, scrapeMetrics, useDemoGateway } from '../harness';
// Playwright loads only in the browser suites, so it has its own harness module.
import { describeWithChromium, saveScreenshot, useChromium } from '../harness/browser';

const GRAPHIQL_TABS = demoTabs(GRAPHIQL_DEMO_IDS);

const metric = async (gateway: { url: string }, name: string): Promise<number> =>
  metricSample(await scrapeMetrics(gateway), name);

describeWithChromium('GraphiQL in headless Chromium – the live tab', () => {
  const demo = useDemoGateway({ LIVE_POLL_INTERVAL_MS: '1000' });
  const browser = useChromium();

  it('Live subscribes over SSE: the result pane shows the run move, then COMPLETE, and the subscription ends', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The live tab's operation, opened by URL (`?query=`): the test does not depend on where the tab sits (tab
    // switching has its own test, browser-graphiql-tabs).
    const liveTab = GRAPHIQL_TABS.find((tab) => tab.query.includes('subscription Live '))!;
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
    await saveScreenshot(page, 'graphiql-live-run.png');
    expect(text).toContain('"status": "COMPLETE"');
    expect(revisions.size).toBeGreaterThanOrEqual(2);
    expect(Math.max(...revisions)).toBe(1 + LIVE_DEMO_STEPS);
    // The server sent at least two events to this subscriber and then released it (completion).
    expect(await metric(demo.gateway, 'gateway_live_events_total')).toBeGreaterThanOrEqual(2);
    const released = Date.now() + 15_000;
    while ((await metric(demo.gateway, 'gateway_live_subscriptions')) !== 0 && Date.now() < released)
      await page.waitForTimeout(100);
    expect(await metric(demo.gateway, 'gateway_live_subscriptions')).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
