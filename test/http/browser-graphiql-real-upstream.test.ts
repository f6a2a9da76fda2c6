// GraphiQL in headless Chromium with a real upstream configured: no placeholder token is sent, and no demo-only tab
// or id is offered. Also: the demo's tab bar fits (few tabs, short titles) and every comment line is readable
// without scrolling sideways.
import { useGateway, waitFor } from '../harness';
// Playwright loads only in the browser suites, so it has its own harness module.
import { describeWithChromium, saveScreenshot, useChromium } from '../harness/browser';

describeWithChromium('GraphiQL in headless Chromium – with a real upstream', () => {
  const t = useGateway();
  const browser = useChromium();

  it('offers one ProcessRun tab, no demo ids, and runs it without any Authorization header', async () => {
    const page = await browser.context.newPage();
    const sent: Array<Record<string, string>> = [];
    page.on('request', (request) => {
      if (
        request.method() === 'POST' &&
        request.url().endsWith('/graphql') &&
        !(request.postData() ?? '').includes('IntrospectionQuery')
      ) {
        sent.push(request.headers());
      }
    });
    await page.goto(`${t.gateway.url}/graphql`);
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByText('ProcessRun').first().waitFor({ timeout: 30_000 });
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/demo-|Trees|processrun-xyz789/);
    // The variables hold the placeholder id; the comment says where the header goes; the Headers pane is empty.
    const toolText = async (): Promise<string> =>
      (await page.locator('.graphiql-editor-tool .monaco-editor:visible .view-lines').allInnerTexts())
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
    await saveScreenshot(page, 'graphiql-real-upstream.png');
    await waitFor(
      async () => (await toolText()) === '{ "id": "" }',
      `the variables pane shows {"id": ""} (${await toolText()})`,
      20_000,
    );
    expect(text.replace(/\s+/g, ' ')).toContain('# token in the Headers pane');
    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    await waitFor(async () => (await toolText()) === '', 'the Headers pane is empty', 20_000);

    await run.click();
    // The empty id is refused by the gateway itself (BAD_USER_INPUT), so no upstream call is needed to see the answer.
    await page.locator('.result-window').getByText('BAD_USER_INPUT').first().waitFor({ timeout: 30_000 });
    expect(sent.length).toBeGreaterThan(0);
    for (const headers of sent) expect(headers.authorization).toBeUndefined();
    expect(t.upstream.requests).toHaveLength(0);
  }, 90_000);
});
