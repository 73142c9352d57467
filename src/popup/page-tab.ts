import browser from 'webextension-polyfill';

// "This page" for the popup's 保存当前页为证据. On a desktop the popup floats over the shopper's tab,
// which is the active tab of the current window. On a phone the popup may itself be a tab (Chromium-
// based Android browsers open it as one; docs/firefox.md): the active tab is then the popup, and
// the shopper's page is the tab they came from — its opener, else the one they used last. A
// screenshot shows only the tab on screen, so that page is brought to the front for the capture and
// the popup after it, where the result is shown.

export interface TabFacts {
  id?: number;
  url?: string;
  active: boolean;
  lastAccessed?: number;
  openerTabId?: number;
}

export interface PageTarget {
  tabId: number;
  /** Set when the popup is a tab of its own: bring the page to the front, then come back here. */
  returnTo: number | null;
}

const WEB_PAGE = /^https?:\/\//i;

/** Pure. `self` is the popup's own tab, or undefined when it is a real popup over the page. */
export function choosePageTab(open: readonly TabFacts[], self: TabFacts | undefined): PageTarget | null {
  if (!self || self.id === undefined) {
    const active = open.find((tab) => tab.active && tab.id !== undefined);
    return active ? { tabId: active.id!, returnTo: null } : null;
  }
  const pages = open.filter((tab) => tab.id !== undefined && tab.id !== self.id && WEB_PAGE.test(tab.url ?? ''));
  const opener = pages.find((tab) => tab.id === self.openerTabId);
  const latest = [...pages].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  const page = opener ?? latest;
  return page ? { tabId: page.id!, returnTo: self.id } : null;
}

export async function findPageTab(): Promise<PageTarget | null> {
  const self = await browser.tabs.getCurrent();
  const open = await browser.tabs.query(self ? { currentWindow: true } : { active: true, currentWindow: true });
  return choosePageTab(open, self);
}

/** Runs `capture` with the page on screen, and brings the popup's tab back afterwards. */
export async function withPageInFront<T>(target: PageTarget, capture: () => Promise<T>): Promise<T> {
  if (target.returnTo === null) return capture();
  await browser.tabs.update(target.tabId, { active: true });
  try {
    return await capture();
  } finally {
    await browser.tabs.update(target.returnTo, { active: true }).catch(() => undefined);
  }
}
