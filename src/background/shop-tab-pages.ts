import browser from 'webextension-polyfill';
import type { ReadPage } from '../shop/shop-profile';

// What the page in each tab showed about its shop, kept in session storage between the content
// script's report and the popup's question: a stopped and restarted worker still has it, the browser
// forgets it on restart, and a closed tab's entry is dropped.

const PREFIX = 'shopPage:';

export async function rememberShopPage(tabId: number, page: ReadPage): Promise<void> {
  await browser.storage.session.set({ [`${PREFIX}${tabId}`]: page });
}

/** The page last read in the tab, if it is still the page the tab shows (hash changes aside). */
export async function shopPageOf(tabId: number, tabUrl: string): Promise<ReadPage | null> {
  const key = `${PREFIX}${tabId}`;
  const stored: unknown = (await browser.storage.session.get(key))[key];
  if (!isReadPage(stored)) return null;
  return withoutHash(stored.url) === withoutHash(tabUrl) ? stored : null;
}

export function forgetShopPage(tabId: number): Promise<void> {
  return browser.storage.session.remove(`${PREFIX}${tabId}`);
}

/** Written only by this worker; checked for shape because storage is input like any other. */
function isReadPage(value: unknown): value is ReadPage {
  const page = value as Partial<ReadPage> | null;
  return typeof page?.url === 'string' && typeof page.readAt === 'string' && typeof page.facts === 'object' && page.facts !== null;
}

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
