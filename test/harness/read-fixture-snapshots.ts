import { chromium, type Browser, type Page } from 'playwright-core';
import { findBrowser } from '../../scripts/find-browser.mjs';
import { LOOK_AGAIN_AFTER_MS } from '../../src/content/page-gate';
import type { PageSnapshot } from '../../src/detect/page-snapshot';
import { FIXTURE_HEADER, servedUrl, startFixtureServer, type Fixture } from './fixture-corpus';
import { pageReaderScript } from './page-reader-script';

// Reads every fixture page with the extension's real reader (src/content/read-snapshot.ts) in one
// headless Chromium: the page loads under its own URL from the local fixture server, a delayed
// page is read only after its error has had time to appear, and `seenAt` is set to the sidecar's
// `now` so the stall rules judge every page against the same clock.
//
// Speed (this 2-core machine, 152 pages, 4 at a time): a new tab per page and a renderer process per
// host cost more than reading did — 61 s for the corpus; each of the 4 tabs going from page to page,
// in at most 4 renderers, 34 s. Each page is still a new document under its own URL, so nothing of
// one page's reading reaches the next; site isolation is a security boundary this test needs not.

const DELAY_MARGIN_MS = 400;

/**
 * A page as read whole, whether the gate in every page (src/content/gate.ts) would have let the
 * reader in, and what the extension's incremental reader (started at the gate's first look, fed
 * every mutation since) read at the same moment.
 */
export type ReadPage = PageSnapshot & { gate?: boolean; incremental?: PageSnapshot };

export interface CorpusReader {
  browser: Browser;
  read(fixture: Fixture): Promise<ReadPage>;
  readAll(fixtures: readonly Fixture[], concurrency?: number): Promise<Map<string, ReadPage>>;
  close(): Promise<void>;
}

export async function startCorpusReader(corpus: readonly Fixture[]): Promise<CorpusReader> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('no Chromium-family browser found (set CHROME_PATH)');
  const server = await startFixtureServer(corpus);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      ...server.browserArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-site-isolation-trials',
      '--renderer-process-limit=4',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const script = await pageReaderScript();

  const readOn = async (page: Page, fixture: Fixture): Promise<ReadPage> => {
    await page.setExtraHTTPHeaders({ [FIXTURE_HEADER]: fixture.id });
    // Two pages of one hash-routed shop differ only after '#': going straight from one to the other
    // would be a route change in the same document, not a new one.
    const url = servedUrl(fixture);
    if (page.url().split('#')[0] === url.split('#')[0]) await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ content: script });
    // The gate looks when the page is first idle, and once more a few seconds later.
    const firstLook = (await page.evaluate('globalThis.__payWitnessGate()')) as boolean;
    await page.evaluate('globalThis.__payWitnessWatch()');
    if (fixture.delayMs > 0) await page.waitForTimeout(fixture.delayMs + DELAY_MARGIN_MS);
    // A popup still animating in is read once it has arrived, as the reader re-reads a
    // settling page (src/content/reader.ts); endless animations (spinners) are not waited for.
    await page
      .waitForFunction(
        () => !document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity),
        undefined,
        { timeout: 1_500 },
      )
      .catch(() => undefined);
    const snapshot = (await page.evaluate('globalThis.__payWitnessRead()')) as PageSnapshot;
    const incremental = (await page.evaluate('globalThis.__payWitnessReadAgain()')) as PageSnapshot;
    const secondLook = fixture.delayMs <= LOOK_AGAIN_AFTER_MS && ((await page.evaluate('globalThis.__payWitnessGate()')) as boolean);
    return { ...snapshot, seenAt: fixture.now, gate: firstLook || secondLook, incremental: { ...incremental, seenAt: fixture.now } };
  };

  return {
    browser,
    async read(fixture) {
      const page = await context.newPage();
      try {
        return await readOn(page, fixture);
      } finally {
        await page.close();
      }
    },
    async readAll(fixtures, concurrency = 4) {
      const result = new Map<string, ReadPage>();
      let next = 0;
      const worker = async () => {
        const page = await context.newPage();
        try {
          while (next < fixtures.length) {
            const fixture = fixtures[next++]!;
            result.set(fixture.id, await readOn(page, fixture));
          }
        } finally {
          await page.close();
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return result;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
