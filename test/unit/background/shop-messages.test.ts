import { describe, expect, it, vi } from 'vitest';

// The worker's side of "this shop": the facts it reads itself from a page's text, which promises it
// names as not kept yet, who may ask for a profile, and the profile it gives the popup.

const fake = vi.hoisted(() => {
  const session = new Map<string, unknown>();
  return {
    session,
    tabUrl: 'https://shop.example/buy/1',
    browser: {
      runtime: { id: 'ext' },
      storage: {
        session: {
          set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, structuredClone(v))),
          get: async (key: string) => ({ [key]: session.get(key) }),
          remove: async (key: string) => void session.delete(key),
        },
      },
      tabs: { get: async (id: number) => ({ id, url: fake.tabUrl }), query: async () => [] },
      action: { getBadgeText: async () => '', setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined, setTitle: async () => undefined },
      i18n: { getMessage: (key: string) => key },
    },
  };
});
vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

type ShopPageReport = import('../../../src/background/shop-messages').ShopPageReport;
const { handleShopMessage, refreshShopBadge, reportShopPage } = await import('../../../src/background/shop-messages');
const { DEFAULT_SETTINGS } = await import('../../../src/settings/settings');
const { refundPromiseRequestKey } = await import('../../../src/shop/refund-promise-record');
const { commitCapture } = await import('../../../src/store/capture-store');
const { draft, files, freshDb } = await import('../../helpers/evidence-builders');

const own = { runtimeId: 'ext', origin: 'chrome-extension://ext' };
const page: ShopPageReport = { url: 'https://shop.example/buy/1', title: '商品', links: [], terms: null, blocks: [
  { text: '未使用的卡密 7 天内可申请退款。', tag: 'div', hints: [] },
  { text: '充值失败自动退款。', tag: 'p', hints: ['notice'] },
  { text: '© 2024 杭州星河网络科技有限公司 · 浙ICP备12345678号-1', tag: 'footer', hints: ['footer'] },
] };
const contentScript = { id: 'ext', url: 'https://shop.example/buy/1', frameId: 0, tab: { id: 7, url: 'https://shop.example/buy/1' } };
const popup = { id: 'ext', url: 'chrome-extension://ext/src/popup/index.html', origin: 'chrome-extension://ext' };

async function deps() {
  const db = await freshDb();
  return { db: async () => db, settings: async () => DEFAULT_SETTINGS, now: () => new Date('2026-11-28T12:00:00+08:00'), raw: db };
}

describe('shop messages in the worker', () => {
  it('answers a shop page with the promises not kept on its site yet, read by its own rules', async () => {
    const d = await deps();
    await commitCapture(d.raw, draft({ id: 'kept', kind: 'terms', reasonCode: 'terms_refund_promise', message: '充值失败自动退款。', orderId: null }), files('k'), await refundPromiseRequestKey('shop.example', '充值失败自动退款。'));
    expect(await reportShopPage(page, contentScript, d)).toEqual({ ok: true, keep: ['未使用的卡密 7 天内可申请退款。'] });
    const profile = (await handleShopMessage({ type: 'shop:profile', tabId: 7 }, popup, own, d)) as { ok: true; profile: { icp: Array<{ shown: string }>; promises: Array<{ keptAt: string | null }> } };
    expect(profile.profile.icp.map((number) => number.shown)).toEqual(['浙ICP备12345678号-1']);
    expect(profile.profile.promises.map((promise) => promise.keptAt !== null)).toEqual([false, true]);
  });

  it('answers the profile only to PayWitness pages; a page reporting another origin, or a frame, is refused', async () => {
    const d = await deps();
    expect(await handleShopMessage({ type: 'shop:profile', tabId: 7 }, contentScript, own, d)).toMatchObject({ ok: false });
    expect(handleShopMessage({ type: 'shop:profile', tabId: 7 }, { ...contentScript, id: 'someone-else' }, own, d)).toBeUndefined();
    expect(await handleShopMessage({ type: 'shop:profile', tabId: 'x' }, popup, own, d)).toMatchObject({ ok: false, error: 'malformed tab id' });
    // A page can no longer send a report of its own: its reading is the only way in (page-reads.ts).
    expect(handleShopMessage({ type: 'shop:page', ...page }, contentScript, own, d)).toBeUndefined();
    expect(await reportShopPage({ ...page, url: 'https://other.example/' }, contentScript, d)).toMatchObject({ ok: false });
    expect(await reportShopPage(page, { ...contentScript, frameId: 3 }, d)).toMatchObject({ ok: false });
  });

  it('gives the popup no page facts once the tab shows another page', async () => {
    const d = await deps();
    await reportShopPage(page, contentScript, d);
    fake.tabUrl = 'https://shop.example/order-search';
    const reply = (await handleShopMessage({ type: 'shop:profile', tabId: 7 }, popup, own, d)) as { ok: true; profile: { page: unknown } };
    expect(reply.profile.page).toBeNull();
    fake.tabUrl = 'https://shop.example/buy/1';
  });

  it('after a capture, reads the store for the badge only in a tab whose page was read', async () => {
    const d = await deps();
    const opened = vi.fn(d.db);
    const badge = vi.spyOn(fake.browser.action, 'setBadgeText');
    await refreshShopBadge(8, { ...d, db: opened });
    expect([opened.mock.calls.length, badge.mock.calls.length]).toEqual([0, 0]);
    await reportShopPage(page, { ...contentScript, tab: { id: 8, url: page.url } }, d);
    await refreshShopBadge(8, { ...d, db: opened });
    expect(opened).toHaveBeenCalled();
    badge.mockRestore();
  });
});
