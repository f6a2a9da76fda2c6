// Headless Chromium for the GraphiQL suites: Debian's `chromium` package, which .ci/run installs. A suite is skipped
// only on a developer machine without it; under CI=true a missing browser fails the run.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');

// The flags that keep Chromium off the network this machine does not have (background fetches are refused).
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const canSkip = !existsSync(CHROMIUM) && process.env.CI !== 'true';

/** `describe`, or `describe.skip` with a line on stderr when no Chromium is installed outside CI. */
export function describeWithChromium(name: string, body: () => void): void {
  if (canSkip) {
    process.stderr.write(`SKIPPED "${name}": no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

/** A browser with a fresh profile (no GraphiQL tabs stored by an earlier visit) for one describe block. */
export function useChromium(): { readonly context: BrowserContext } {
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'graphiql-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1400, height: 900 },
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
  return {
    get context() {
      if (!context) throw new Error('useChromium(): the browser starts in beforeAll; read it inside a test');
      return context;
    },
  };
}

/** A screenshot in test/artifacts/ (git-ignored), to look at what a person would see. */
export async function saveScreenshot(page: Page, fileName: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, fileName) });
}

/**
 * The query editor's visible lines in screen order, whitespace collapsed (Monaco renders spaces as non-breaking
 * spaces and only the lines in view). Monaco reuses line elements and places them by their `top`, so their order in
 * the DOM is not the order on screen after an edit or a scroll: the lines are sorted by `top` first.
 */
/**
 * GraphiQL has parsed the editor's document: it re-reads the operations (and which one the run button runs) 100 ms
 * after the text changes, and stores the text under `graphiql:query` in that same step. A click before then runs the
 * previous tab's operation name against this tab's document ("Cannot infer operation <previous name>").
 */
export async function editorParsed(page: Page, query: string): Promise<boolean> {
  return (await page.evaluate(() => localStorage.getItem('graphiql:query'))) === query;
}

export async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('.graphiql-query-editor .view-lines .view-line').evaluateAll((elements) =>
    elements.map((element) => ({
      top: parseFloat((element as HTMLElement).style.top) || 0,
      text: (element as HTMLElement).innerText,
    })),
  );
  lines.sort((a, b) => a.top - b.top);
  return lines
    .map((line) => line.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
