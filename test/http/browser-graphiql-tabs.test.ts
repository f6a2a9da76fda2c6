// GraphiQL in headless Chromium, as a visitor uses it: every tab is opened with a real click, every operation of it
// is picked from the run button's menu and run, and what GraphiQL sent and got back is checked: an operation with
// an `# expect: <CODE>` line right above it answers exactly that code, every other answers without errors. The
// Mutations tab's later operations need the ids its first one answers: they are pasted into the variables pane, as
// its comment asks. Last, at 1280 px with the docs pane open, the tab bar fits (screenshot in test/artifacts/).
import type { Page, Response } from 'playwright-core';
import { GRAPHIQL_DEMO_IDS } from '../../src/demo/graphiql-demo-ids';
import { demoTabs } from '../../src/graphiql/demo-tabs';
import { useDemoGateway, waitFor } from '../harness';
// Playwright loads only in the browser suites, so it has its own harness module.
import { describeWithChromium, editorParsed, editorText, saveScreenshot, useChromium } from '../harness/browser';
import { tabOperations } from '../harness/graphiql-operations';

const TABS = demoTabs(GRAPHIQL_DEMO_IDS);
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
// A rendering step takes far less than 20 s even on a loaded machine.
const waitUntil = (check: () => Promise<boolean>, what = 'condition'): Promise<void> => waitFor(check, what, 20_000);

interface Sent {
  operationName: string | null;
  query: string;
  body: { data?: Record<string, any> | null; errors?: Array<{ extensions?: { code?: string } }> };
}

async function run(page: Page, name: string, several: boolean): Promise<Sent> {
  // GraphiQL names the operation only when the document holds several; the query then starts the match.
  const isThisOperation = (response: Response): boolean => {
    if (!response.url().includes('/graphql') || response.request().method() !== 'POST') return false;
    const sent = response.request().postDataJSON() as { operationName?: string | null; query?: string };
    return sent.operationName === name || new RegExp(`^(query|mutation) ${name}\\b`, 'm').test(sent.query ?? '');
  };
  const answered = page.waitForResponse(isThisOperation, { timeout: 30_000 }).catch(async (error: Error) => {
    await saveScreenshot(page, `graphiql-no-answer-${name}.png`);
    throw new Error(`${name}: no answer seen (${error.message})`);
  });
  await idle(page);
  await page.locator('.graphiql-execute-button').click();
  if (several) await page.getByRole('menuitem', { name, exact: true }).click();
  const response = await answered;
  await idle(page);
  const request = response.request().postDataJSON() as { operationName: string | null; query: string };
  return { operationName: request.operationName, query: request.query, body: (await response.json()) as Sent['body'] };
}

/** The run button says "Execute" again (it says "Stop" while an answer or a subscription streams): a click runs. */
const idle = (page: Page): Promise<void> =>
  waitUntil(
    async () =>
      ((await page.locator('.graphiql-execute-button').getAttribute('aria-label')) ?? '').startsWith('Execute'),
    'run button idle',
  );

async function setVariables(page: Page, variables: Record<string, unknown>): Promise<void> {
  const editor = page.locator('.graphiql-editor-tool .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  // One line: Monaco indents after each typed newline.
  await page.keyboard.insertText(JSON.stringify(variables));
  // Monaco may auto-close a bracket or quote after the cursor: drop whatever follows the pasted text.
  await page.keyboard.press('Control+Shift+End');
  await page.keyboard.press('Delete');
}

describeWithChromium('GraphiQL in headless Chromium – the tab bar as served', () => {
  const demo = useDemoGateway();
  const browser = useChromium();

  it('as served, the tabs are named by what they hold and the tab bar fits at 1280 px with the docs pane open', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${demo.gateway.url}/graphql`);
    await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 30_000 });
    await waitUntil(async () => (await editorText(page)).includes('query Trees'));
    const titles = await page.locator('.graphiql-tab-button').allInnerTexts();
    expect(titles.map((title) => title.trim())).toEqual(TABS.map((tab) => tabOperations(tab.query)[0]!.name));
    await page.locator('[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').waitFor({ state: 'visible', timeout: 20_000 });
    await saveScreenshot(page, 'graphiql-tabs-1280-docs.png');
    const bar = await page
      .locator('.graphiql-tabs')
      .evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(bar.scroll).toBeLessThanOrEqual(bar.client);
    await page.close();
  }, 90_000);
});

describeWithChromium('GraphiQL in headless Chromium – every operation of every tab, run from the menu', () => {
  const demo = useDemoGateway({ UPSTREAM_TIMEOUT_MS: '1500', UPSTREAM_HEADERS_TIMEOUT_MS: '1500' });
  // A fresh profile: a second visit restores the first one's stored tabs.
  const browser = useChromium();

  it('each tab, each operation from the run menu: the expected code or no errors', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${demo.gateway.url}/graphql`);
    const tabButtons = page.locator('.graphiql-tab-button');
    await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 30_000 });
    await waitUntil(async () => (await editorText(page)).includes('query Trees')).catch(async (error) => {
      await saveScreenshot(page, 'graphiql-first-tab.png');
      throw new Error(`${(error as Error).message}: the first tab; the editor shows ${await editorText(page)}`);
    });
    expect(await tabButtons.count()).toBe(TABS.length);

    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [index, tab] of TABS.entries()) {
      const operations = tabOperations(tab.query);
      const title = (await tabButtons.nth(index).innerText()).trim();
      expect(title).toBe(operations[0]!.name);
      // The page opens on the first tab, parsed at load: a click on the active tab changes no text.
      const switches = (await page.locator('.graphiql-tab-active').innerText()).trim() !== title;
      await tabButtons.nth(index).click();
      await waitUntil(
        async () => (await page.locator('.graphiql-tab-active').innerText()).trim() === title,
        `tab ${title} active`,
      );
      const firstLine = collapse(tab.query.split('\n')[0]!);
      await waitUntil(async () => (await editorText(page)).startsWith(firstLine), `editor shows tab ${title}`);
      // The editor shows the text at once; the run button knows its operations only once GraphiQL has parsed it.
      if (switches) await waitUntil(() => editorParsed(page, tab.query), `GraphiQL parsed tab ${title}`);
      const pasted: Record<string, string> = {};
      for (const operation of operations) {
        expected.push(`${operation.name}: ${operation.expect ?? 'no errors'}`);
        if (operation.kind === 'subscription') {
          // Over SSE (a GET): the result pane shows each event; the demo run completes and the stream ends.
          await idle(page);
          await page.locator('.graphiql-execute-button').click();
          const result = page.locator('.result-window');
          await waitFor(
            async () => collapse(await result.innerText()).includes('"status": "COMPLETE"'),
            `${operation.name} reaches COMPLETE`,
            60_000,
          );
          await idle(page);
          const text = collapse(await result.innerText());
          outcomes.push(`${operation.name}: ${text.includes('"errors"') ? text : 'no errors'}`);
          continue;
        }
        const sent = await run(page, operation.name, operations.length > 1);
        if (operations.length > 1) expect(sent.operationName).toBe(operation.name);
        const codes = (sent.body.errors ?? []).map((error) => error.extensions?.code);
        outcomes.push(`${operation.name}: ${codes.length === 0 ? 'no errors' : codes.join(',')}`);
        const created = sent.body.data?.createProcess;
        if (created) {
          Object.assign(pasted, { processId: created.id, jobId: created.jobs[0].id });
          await setVariables(page, { ...JSON.parse(tab.variables!), ...pasted });
        }
        if (sent.body.data?.runProcess && created === undefined && operation.name === 'StartRun') {
          pasted.processRunId = sent.body.data.runProcess.id;
          await setVariables(page, { ...JSON.parse(tab.variables!), ...pasted });
        }
      }
    }
    expect(outcomes).toEqual(expected);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
