import { beforeEach, describe, expect, it, vi } from 'vitest';

// The toolbar badge of a shop tab, with chrome.action replaced by a recording fake that keeps the
// global and per-tab values the way the browser does (a tab without its own text shows the global).

const fake = vi.hoisted(() => {
  const state = { global: '', tabText: new Map<number, string>(), tabColour: new Map<number, string>(), tabTitle: new Map<number, string>() };
  return {
    state,
    browser: {
      action: {
        getBadgeText: async ({ tabId }: { tabId?: number }) => (tabId === undefined ? state.global : (state.tabText.get(tabId) ?? state.global)),
        setBadgeText: async ({ tabId, text }: { tabId?: number; text: string | null }) => {
          if (tabId === undefined) state.global = text ?? '';
          else if (text === null) state.tabText.delete(tabId);
          else state.tabText.set(tabId, text);
        },
        setBadgeBackgroundColor: async ({ tabId, color }: { tabId: number; color: string }) => void state.tabColour.set(tabId, color),
        setTitle: async ({ tabId, title }: { tabId: number; title: string }) => void state.tabTitle.set(tabId, title),
      },
      tabs: { query: async () => [{ id: 1 }, { id: 2 }, {}] },
      i18n: { getMessage: (key: string) => key },
    },
  };
});
vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const { clearShopBadges, showShopBadge } = await import('../../../src/background/shop-badge-display');
const { shopBadge } = await import('../../../src/shop/shop-badge');

const NONE = { openCases: 0, stalledOrders: 0, identityShown: true, malformedIcp: 0, unfairClauses: 0 };
const shown = (tabId: number) => fake.browser.action.getBadgeText({ tabId });

beforeEach(() => {
  fake.state.global = '';
  fake.state.tabText.clear();
  fake.state.tabTitle.clear();
});

describe('the shop badge of a tab', () => {
  it('shows the level with its count or "?", and a tooltip that names the rule', async () => {
    await showShopBadge(1, shopBadge({ ...NONE, openCases: 2, unfairClauses: 1 }));
    await showShopBadge(2, shopBadge({ ...NONE, identityShown: false }));
    expect([await shown(1), fake.state.tabColour.get(1), fake.state.tabTitle.get(1)]).toEqual(['2', '#b91c1c', 'extName — badgeLevel_red: badgeRule_open_case']);
    expect([await shown(2), fake.state.tabColour.get(2), fake.state.tabTitle.get(2)]).toEqual(['?', '#b45309', 'extName — badgeLevel_amber: badgeRule_no_identity']);
  });

  it('no rule, no badge: the tab falls back to the global badge', async () => {
    fake.state.global = '3';
    await showShopBadge(1, shopBadge({ ...NONE, openCases: 1 }));
    await showShopBadge(1, shopBadge(NONE));
    expect(await shown(1)).toBe('3');
    expect(fake.state.tabTitle.get(1)).toBe('extName');
  });

  it('never hides the store alarm: no tab badge while it is up, and raising it clears them all', async () => {
    await showShopBadge(1, shopBadge({ ...NONE, openCases: 1 }));
    await showShopBadge(2, shopBadge({ ...NONE, unfairClauses: 1 }));
    fake.state.global = '!';
    await clearShopBadges();
    expect([await shown(1), await shown(2)]).toEqual(['!', '!']);
    await showShopBadge(1, shopBadge({ ...NONE, openCases: 1 }));
    expect(await shown(1)).toBe('!');
  });
});
