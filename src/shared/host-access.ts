import browser from 'webextension-polyfill';

// Access to every site is what lets the content script notice a failed payment and lets
// tabs.captureVisibleTab take the shot. Chromium grants it at install, but the shopper may switch
// it to "on click"; Firefox shows it in the install prompt and lets the shopper take it back in
// about:addons at any time. Either way the popup must say so rather than silently keep nothing.

const ALL_SITES: browser.Permissions.Permissions = { origins: ['<all_urls>'] };

export function hasHostAccess(): Promise<boolean> {
  return browser.permissions.contains(ALL_SITES);
}

/** Must run straight from a click: both browsers only prompt inside a user gesture. */
export function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request(ALL_SITES);
}

/** Calls back whenever permissions change (granted here, or revoked in the browser's settings). */
export function onHostAccessChange(listener: () => void): () => void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}
