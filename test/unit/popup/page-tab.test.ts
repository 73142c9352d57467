import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { choosePageTab } = await import('../../../src/popup/page-tab');

const shop = { id: 4, url: 'https://shop.test/pay/1', active: false, lastAccessed: 2_000 };
const older = { id: 3, url: 'https://other.test/', active: false, lastAccessed: 1_000 };
const settings = { id: 5, url: 'about:addons', active: false, lastAccessed: 3_000 };

describe('choosePageTab', () => {
  it('takes the active tab under a real popup, as on a desktop', () => {
    expect(choosePageTab([{ ...shop, active: true }], undefined)).toEqual({ tabId: 4, returnTo: null });
    expect(choosePageTab([], undefined)).toBeNull();
  });

  it('takes the web page the shopper used last when the popup is a tab of its own (Android), and comes back', () => {
    const popupTab = { id: 9, url: 'chrome-extension://x/src/popup/index.html', active: true, lastAccessed: 5_000 };
    expect(choosePageTab([older, shop, settings, popupTab], popupTab)).toEqual({ tabId: 4, returnTo: 9 });
  });

  it('prefers the tab that opened the popup', () => {
    const popupTab = { id: 9, url: 'moz-extension://x/src/popup/index.html', active: true, openerTabId: 3 };
    expect(choosePageTab([older, shop, popupTab], popupTab)).toEqual({ tabId: 3, returnTo: 9 });
  });

  it('finds nothing to save when no web page is open beside the popup tab', () => {
    const popupTab = { id: 9, active: true };
    expect(choosePageTab([settings, popupTab], popupTab)).toBeNull();
  });
});
