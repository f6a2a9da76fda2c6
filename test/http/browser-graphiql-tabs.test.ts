// GraphiQL in headless Chromium: clicking a tab (a real pointer click, as a user does) shows that tab's own
// query in the editor, and running it answers that tab's operation.
import { GRAPHIQL_TABS } from '../../src/server/graphiql-tabs';
import { useDemoGateway, waitFor } from '../harness';
// Playwright loads only in the browser suites, so it has its own harness module.
import { describeWithChromium, editorText, saveScreenshot, useChromium } from '../harness/browser';

const LAST = GRAPHIQL_TABS.length - 1;
// Per tab: the operation the run button runs (a tab with several offers them in a menu) and a piece of its answer
// no other tab's answer has, from its first lines (the result pane renders only the lines in view).
const CASES: Array<{ index: number; operation: string; answer: string }> = [
  { index: 1, operation: 'NestedTree', answer: '"id": "processrun-nested-001"' },
  { index: 2, operation: 'TaskJobs', answer: '"processRun": { "name": "Q4 2024 Financial Close", "jobs": [' },
  { index: LAST, operation: 'StartRun', answer: '"runProcess": {' },
];

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

describeWithChromium('GraphiQL in headless Chromium – switching tabs', () => {
  const demo = useDemoGateway();
  const browser = useChromium();

  it('clicking the 2nd, 3rd and last tab shows each one its own query, and running it answers that operation', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${demo.gateway.url}/graphql`);
    const tabButtons = page.locator('.graphiql-tab-button');
    await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 30_000 });
    await waitUntil(async () => (await editorText(page)).includes('query SeedTree'));
    expect(await tabButtons.count()).toBe(GRAPHIQL_TABS.length);

    for (const { index, operation, answer } of CASES) {
      const query = GRAPHIQL_TABS[index]!.query;
      const title = (await tabButtons.nth(index).innerText()).trim();
      await tabButtons.nth(index).click();
      await waitUntil(async () => (await page.locator('.graphiql-tab-active').innerText()).trim() === title, `tab ${index} (${title}) active`);
      // Its first comment line and its first operation line, both at the top of the editor.
      const firstLine = collapse(query.split('\n')[0]!);
      const firstOperation = collapse(/^(query|mutation) \w+.*$/m.exec(query)![0]);
      await waitUntil(async () => {
        const text = await editorText(page);
        return text.startsWith(firstLine) && text.includes(firstOperation);
      }, `editor shows tab ${index}'s query (${firstLine})`);
      // GraphiQL stores the tab state a little after the switch.
      const storedIndex = (): Promise<number | undefined> =>
        page.evaluate(() => (JSON.parse(localStorage.getItem('graphiql:tabState') ?? '{}') as { activeTabIndex?: number }).activeTabIndex);
      await waitUntil(async () => (await storedIndex()) === index, `graphiql:tabState.activeTabIndex ${index}`);

      await page.locator('.graphiql-execute-button').click();
      // A tab with several operations asks which one to run. Decided from the tab's text, not by whether the menu is
      // already visible (it opens a moment after the click on a loaded machine); the click waits for the item.
      if ((query.match(/^(query|mutation|subscription)\b/gm)?.length ?? 0) > 1) {
        await page.getByRole('menuitem', { name: operation, exact: true }).click();
      }
      const result = page.locator('.result-window');
      await waitUntil(async () => collapse(await result.innerText()).includes(collapse(answer)), `result of ${operation} shows ${answer}`);
      if (index === LAST) {
        await saveScreenshot(page, 'graphiql-tabs-last.png');
      }
    }
    expect(pageErrors).toEqual([]);
  }, 90_000);
});

// A rendering step takes far less than 20 s even on a loaded machine.
const waitUntil = (check: () => Promise<boolean>, what = 'condition'): Promise<void> => waitFor(check, what, 20_000);
