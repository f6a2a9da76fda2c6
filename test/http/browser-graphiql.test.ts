import { useDemoGateway } from '../harness';
// Playwright loads only in the browser suites, so it has its own harness module.
import { describeWithChromium, saveScreenshot, useChromium } from '../harness/browser';

describeWithChromium('GraphiQL in headless Chromium – against the embedded demo upstream', () => {
  const t = useDemoGateway();
  const browser = useChromium();

  it('opens /graphql, runs the first tab and shows "Q4 2024 Financial Close" in the result pane', async () => {
    const { gateway } = t;
    const page = await browser.context.newPage();
    const offSite: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(gateway.url) && !/^(blob|data):/.test(request.url())) offSite.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${gateway.url}/graphql`);
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByText('Trees').first().waitFor({ timeout: 30_000 });
    await run.click();
    // The first tab holds two run trees: the run button asks which.
    await page.getByRole('menuitem', { name: 'Trees', exact: true }).click();
    const result = page.locator('.result-window');
    await result.getByText('Q4 2024 Financial Close').first().waitFor({ timeout: 30_000 });

    await saveScreenshot(page, 'graphiql-seed-run.png');
    // Monaco renders spaces as non-breaking spaces.
    expect((await result.innerText()).replace(/\s+/g, ' ')).toContain('"name": "Q4 2024 Financial Close"');
    expect(offSite).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
