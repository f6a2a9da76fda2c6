// GraphiQL in headless Chromium: tabs stored by an earlier visit give way to the current ready tabs when the tab set
// has changed (a new release, demo vs real upstream), and a person's own edits survive while it has not.
import type { Page } from 'playwright-core';
import { GRAPHIQL_DEMO_IDS } from '../../src/demo/graphiql-demo-ids';
import { demoTabs } from '../../src/graphiql/demo-tabs';
import { useDemoGateway, waitFor } from '../harness';
import { describeWithChromium, editorText, useChromium } from '../harness/browser';

const GRAPHIQL_TABS = demoTabs(GRAPHIQL_DEMO_IDS);

const STAMP_KEY = 'process-runs-gateway:graphiql-tabs';
// What an earlier release could have left: one valid tab of other text (GraphiQL accepts it and ignores defaultTabs).
const STALE_QUERY = '# tab from an older release\nquery OldTab { __typename }\n';
const STALE_TAB_STATE = JSON.stringify({
  activeTabIndex: 0,
  tabs: [
    {
      id: 'old-tab',
      hash: null,
      title: 'OldTab',
      query: STALE_QUERY,
      variables: null,
      headers: null,
      operationName: 'OldTab',
      response: null,
    },
  ],
});

const tabCount = (page: Page): Promise<number> => page.locator('.graphiql-tab-button').count();
const stored = (page: Page, key: string): Promise<string | null> =>
  page.evaluate((name) => localStorage.getItem(name), key);

async function openGraphiQL(page: Page, load: () => Promise<unknown>): Promise<void> {
  await load();
  await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 30_000 });
  await waitUntil(async () => (await editorText(page)).length > 0, 'editor shows a query', page);
}

/**
 * Writes an older release's tab state (and, when given, the stamp it was stored with) and opens GraphiQL again.
 * The state is written from /health, a same-origin page without GraphiQL: written from the GraphiQL page itself, its
 * delayed save of the current tabs (or the one on unload) could land after ours on a loaded machine and replace it.
 */
async function reopenWithStaleTabs(page: Page, url: string, stamp: string | null): Promise<void> {
  await page.goto(`${url}/health`);
  await page.evaluate(
    ({ tabState, query, stampKey, stampValue }) => {
      localStorage.setItem('graphiql:tabState', tabState);
      // The active tab's editor contents, as GraphiQL keeps them next to the tab state.
      localStorage.setItem('graphiql:query', query);
      localStorage.setItem('graphiql:variables', '');
      localStorage.setItem('graphiql:queries', '{"queries":[]}'); // history: not GraphiQL's tab state, must stay
      if (stampValue === null) localStorage.removeItem(stampKey);
      else localStorage.setItem(stampKey, stampValue);
    },
    { tabState: STALE_TAB_STATE, query: STALE_QUERY, stampKey: STAMP_KEY, stampValue: stamp },
  );
  await openGraphiQL(page, () => page.goto(`${url}/graphql`));
}

describeWithChromium('GraphiQL in headless Chromium – stored tabs from an earlier tab set', () => {
  const demo = useDemoGateway();
  const browser = useChromium();

  it('replaces stored tabs of another tab set (stale or missing stamp) with the ready tabs, and keeps edits while the set is unchanged', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openGraphiQL(page, () => page.goto(`${demo.gateway.url}/graphql`));
    const stamp = await stored(page, STAMP_KEY);
    expect(stamp).toMatch(/^[0-9a-f]{16}$/);

    for (const staleStamp of ['0000000000000000', null]) {
      await reopenWithStaleTabs(page, demo.gateway.url, staleStamp);
      await waitUntil(
        async () => (await tabCount(page)) === GRAPHIQL_TABS.length,
        `all ${GRAPHIQL_TABS.length} ready tabs (stamp ${staleStamp})`,
        page,
      );
      expect(await editorText(page)).toContain('query Trees');
      expect(await editorText(page)).not.toContain('OldTab');
      expect(await stored(page, STAMP_KEY)).toBe(stamp);
      expect(await stored(page, 'graphiql:queries')).toBe('{"queries":[]}');
    }

    // Same tab set (matching stamp): a stored tab is the person's own and is kept as it is.
    await reopenWithStaleTabs(page, demo.gateway.url, stamp);
    await waitUntil(async () => (await tabCount(page)) === 1, 'the one stored tab', page);
    expect(await editorText(page)).toContain('query OldTab');

    // And an edit typed into a ready tab survives a reload.
    await page.evaluate((key) => localStorage.removeItem(key), STAMP_KEY);
    await openGraphiQL(page, () => page.reload());
    await waitUntil(async () => (await tabCount(page)) === GRAPHIQL_TABS.length, 'ready tabs back', page);
    // Typed only once the editor has focus, and inserted as text: key by key, a loaded machine could lose the first
    // keys to a late focus or let Enter pick an autocompletion.
    await waitUntil(async () => {
      await page.locator('.graphiql-query-editor .view-lines').click();
      return (await page.locator('.graphiql-query-editor .monaco-editor.focused').count()) > 0;
    }, 'the editor focused');
    await page.keyboard.press('Control+Home');
    await page.keyboard.insertText('# my own note\n');
    await waitUntil(async () => (await editorText(page)).startsWith('# my own note'), 'edit in the editor', page);
    // GraphiQL stores the tab state a little after the edit.
    await waitUntil(
      async () => (await stored(page, 'graphiql:tabState'))?.includes('# my own note') === true,
      'edit stored',
      page,
    );
    await openGraphiQL(page, () => page.reload());
    await waitUntil(async () => (await editorText(page)).startsWith('# my own note'), 'edit kept after reload', page);
    expect(await tabCount(page)).toBe(GRAPHIQL_TABS.length);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

// A rendering step takes far less than 20 s even on a loaded machine. A timeout says what the page showed and stored.
async function waitUntil(check: () => Promise<boolean>, what = 'condition', page?: Page): Promise<void> {
  try {
    await waitFor(check, what, 20_000);
  } catch (error) {
    if (!page) throw error;
    const shown = await Promise.all([
      tabCount(page),
      editorText(page),
      stored(page, STAMP_KEY),
      stored(page, 'graphiql:tabState'),
    ]).catch((e: unknown) => [String(e)]);
    throw new Error(`${(error as Error).message}; page: ${JSON.stringify(shown).slice(0, 1500)}`, { cause: error });
  }
}
