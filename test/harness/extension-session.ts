import type { BrowserContext, Page } from 'playwright-core';
import { startShop } from '../../demo/shop-server.mjs';
import { launchWithExtension } from '../../scripts/launch-extension.mjs';
import type { CaptureEntry } from '../../src/evidence/capture-entry';

export type Shop = Awaited<ReturnType<typeof startShop>>;
export type Browser = Awaited<ReturnType<typeof launchWithExtension>>;

export interface ExtensionSession {
  shop: Shop;
  browser: Browser;
  context: BrowserContext;
  popupUrl: string;
  /** An extension page kept open to read the evidence store. */
  probe: Page;
  entries(): Promise<CaptureEntry[]>;
  waitForEntries(count: number, timeoutMs?: number): Promise<CaptureEntry[]>;
  close(): Promise<void>;
}

export async function startExtensionSession(options: { locale?: string } = {}): Promise<ExtensionSession> {
  const shop = await startShop();
  const browser = await launchWithExtension({ locale: options.locale ?? 'zh-CN' });
  const popupUrl = `chrome-extension://${browser.extensionId}/src/popup/index.html`;
  const probe = await browser.context.newPage();
  await probe.goto(popupUrl);
  const entries = () => readEntries(probe);
  return {
    shop,
    browser,
    context: browser.context,
    popupUrl,
    probe,
    entries,
    async waitForEntries(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = await entries();
        if (current.length >= count || Date.now() > deadline) return current;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async close() {
      await browser.close();
      await shop.close();
    },
  };
}

/** Reads the chain straight from IndexedDB in an extension page, in chain order. */
export function readEntries(extensionPage: Page): Promise<CaptureEntry[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<CaptureEntry[]>((resolve, reject) => {
        const open = indexedDB.open('paywitness-evidence');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('captures')) return resolve([]);
          const request = db.transaction('captures').objectStore('captures').index('seq').getAll();
          request.onsuccess = () => {
            resolve((request.result as Array<{ entry: CaptureEntry }>).map((stored) => stored.entry));
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Opens a page as the shopper would: in its own tab, brought to the front. */
export async function visit(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.bringToFront();
  await page.goto(url);
  return page;
}
