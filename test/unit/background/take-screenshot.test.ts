import { beforeEach, describe, expect, it, vi } from 'vitest';

// checkTab decides whether a tab can be photographed now. Firefox for Android has no windows API:
// there the active tab is on screen, and the check must not mistake the missing API for a closed tab.

const fake = vi.hoisted(() => ({
  browser: {
    tabs: {
      get: async (tabId: number) => ({ id: tabId, active: tabId !== 2, windowId: 1 }),
      sendMessage: async () => ({ docToken: 'doc-1' }),
    },
  } as { tabs: object; windows?: { get: (id: number) => Promise<{ state: string }> } },
}));
vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const { checkTab } = await import('../../../src/background/take-screenshot');

describe('checkTab', () => {
  beforeEach(() => {
    delete fake.browser.windows;
  });

  it('takes the active tab as on screen where there is no windows API (Firefox for Android)', async () => {
    await expect(checkTab(1, 'doc-1')).resolves.toEqual({ windowId: 1 });
    await expect(checkTab(2, 'doc-1')).resolves.toEqual({ problem: 'tab_not_visible' });
    await expect(checkTab(1, 'another-document')).resolves.toEqual({ problem: 'page_changed' });
  });

  it('still refuses a minimized window where the browser has windows', async () => {
    fake.browser.windows = { get: async () => ({ state: 'minimized' }) };
    await expect(checkTab(1, 'doc-1')).resolves.toEqual({ problem: 'window_minimized' });
    fake.browser.windows = { get: async () => ({ state: 'normal' }) };
    await expect(checkTab(1, 'doc-1')).resolves.toEqual({ windowId: 1 });
  });
});
