import type { BrowserContext, Page } from 'playwright-core';
import { startShop } from '../../demo/shop-server.mjs';
import { launchWithExtension } from '../../scripts/launch-extension.mjs';
import type { CaptureEntry } from '../../src/evidence/capture-entry';
import { readChainInPage, waitForChain } from './read-chain-in-page';

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

export type Device = NonNullable<Parameters<typeof launchWithExtension>[0]>['device'];

export async function startExtensionSession(
  options: { locale?: string; extraArgs?: string[]; device?: Device; env?: Record<string, string> } = {},
): Promise<ExtensionSession> {
  const shop = await startShop();
  const browser = await launchWithExtension({ locale: options.locale ?? 'zh-CN', extraArgs: options.extraArgs, device: options.device, env: options.env });
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
    waitForEntries: (count, timeoutMs) => waitForChain(entries, count, timeoutMs),
    async close() {
      await browser.close();
      await shop.close();
    },
  };
}

/** Reads the chain straight from IndexedDB in an extension page, in chain order. */
export function readEntries(extensionPage: Page): Promise<CaptureEntry[]> {
  return extensionPage.evaluate(readChainInPage);
}

/** Opens a page as the shopper would: in its own tab, brought to the front. */
export async function visit(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.bringToFront();
  await page.goto(url);
  return page;
}
