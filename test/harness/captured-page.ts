import type { BrowserContext, Page } from 'playwright-core';
import { attachContentScriptWorld, type ContentScriptWorld } from './content-script-world';
import { docTokenOf, dumpStore } from './evidence-in-page';

// A page of the tests' error-page server, opened in front, once its automatic capture is stored:
// the page, the content script's world, and the docToken that world must use to submit more.

export interface CapturedPage {
  page: Page;
  world: ContentScriptWorld;
  url: string;
  docToken: string;
}

export async function openCapturedPage(context: BrowserContext, probe: Page, url: string, timeoutMs = 15_000): Promise<CapturedPage> {
  const page = await context.newPage();
  await page.bringToFront();
  const world = await attachContentScriptWorld(context, page);
  await page.goto(url);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const docToken = docTokenOf(await dumpStore(probe, { withFiles: false }), url);
    if (docToken) return { page, world, url, docToken };
    if (Date.now() > deadline) throw new Error(`no automatic capture of ${url}`);
    await page.waitForTimeout(100);
  }
}
