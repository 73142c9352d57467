import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop } from '../../demo/shop-server.mjs';
import { launchWithExtension } from '../../scripts/launch-extension.mjs';
import type { OrderRecord } from '../../src/orders/order-record';
import { readEntries, visit, type Browser, type Shop } from '../harness/extension-session';
import { readRecordInPage } from '../harness/read-chain-in-page';

// Order tracking in real Chromium against the demo shop. Time: an order is added to the shop as
// placed 24 h minus a few seconds ago (the page shows that creation time), so it is seen fresh and
// then, seconds later, past the threshold. The alarm is fired for real through chrome.alarms from
// the service worker (worker.evaluate re-creates the recheck alarm to fire now).

const HOUR = 3_600_000;
const MARGIN_MS = 12_000;

function readOrders(extensionPage: Page): Promise<OrderRecord[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<OrderRecord[]>((resolve, reject) => {
        const open = indexedDB.open('paywitness-evidence');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('orders')) return resolve([]);
          const request = db.transaction('orders').objectStore('orders').getAll();
          request.onsuccess = () => {
            resolve(request.result as OrderRecord[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('order tracker in real Chromium', () => {
  let shop: Shop;
  let browser: Browser;
  let probe: Page;
  let profile: string;
  let stallingSn: string;
  let stallingCreatedAt: number;

  const worker = () => browser.context.serviceWorkers()[0] ?? browser.worker;
  const entries = () => readEntries(probe);
  const orders = () => readOrders(probe);
  const openProbe = async () => {
    probe = await browser.context.newPage();
    await probe.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
  };

  beforeAll(async () => {
    shop = await startShop();
    profile = await mkdtemp(join(tmpdir(), 'pw-orders-profile-'));
    browser = await launchWithExtension({ userDataDir: profile });
    await openProbe();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('records a completed order seen on its page without capturing it', async () => {
    const page = await visit(browser.context, `${shop.origin}/detail-order-sn/${shop.orders.completed}`);
    const found = await poll(orders, (all) => all.some((o) => o.orderId === shop.orders.completed));
    expect(found.find((o) => o.orderId === shop.orders.completed)).toMatchObject({
      site: '127.0.0.1',
      status: '已完成',
      state: 'completed',
      amount: 20,
      product: '腾讯视频VIP会员 月卡',
      createdAtFrom: 'page',
      captureIds: [],
      statusHistory: [{ status: '已完成', captureId: null }],
    });
    expect(await entries()).toEqual([]);
    await page.close();
  });

  it('watches a fresh open order, with the time left', async () => {
    stallingCreatedAt = Date.now() - (24 * HOUR - MARGIN_MS);
    stallingSn = shop.addOrder({ goodsId: 2, amount: 2, status: 'processing', ageMs: 24 * HOUR - MARGIN_MS });
    const page = await visit(browser.context, `${shop.origin}/detail-order-sn/${stallingSn}`);
    const seen = await poll(entries, (all) => all.some((e) => e.orderId === stallingSn));
    expect(seen.find((e) => e.orderId === stallingSn)).toMatchObject({ kind: 'order_status', reasonCode: 'order_open_watching' });
    // The worker links a capture to its order record after committing it (submit-snapshot.ts), so
    // the entry can be read a moment before the link: wait for the link, do not read it at once.
    const linked = await poll(orders, (all) => (all.find((o) => o.orderId === stallingSn)?.captureIds.length ?? 0) > 0);
    const record = linked.find((o) => o.orderId === stallingSn)!;
    expect(record).toMatchObject({ status: '处理中', state: 'processing', createdAtFrom: 'page', watch: { stalledNotifiedAt: null } });
    expect(record.captureIds).toEqual([seen.find((e) => e.orderId === stallingSn)!.id]);
    await page.close();
  });

  it('links two paid look-alike orders seen on two pages as a duplicate charge', async () => {
    const first = await visit(browser.context, `${shop.origin}/detail-order-sn/${shop.orders.twiceFirst}`);
    await poll(entries, (all) => all.some((e) => e.orderId === shop.orders.twiceFirst));
    const second = await visit(browser.context, `${shop.origin}/detail-order-sn/${shop.orders.twiceSecond}`);
    const all = await poll(entries, (list) => list.some((e) => e.kind === 'duplicate_charge' && e.orderId === shop.orders.twiceSecond));
    const duplicates = all.filter((e) => e.kind === 'duplicate_charge');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({
      orderId: shop.orders.twiceSecond,
      relatedOrderIds: [shop.orders.twiceFirst],
      responsibility: null,
      reasonCode: 'duplicate_charge_unclear',
      amount: 30,
      screenshotError: null,
    });
    await first.close();
    await second.close();
  });

  it('captures a purchase-records page that deducts one order twice', async () => {
    const page = await visit(browser.context, `${shop.origin}/user/records`);
    const all = await poll(entries, (list) => list.some((e) => e.orderId === shop.orders.chargedTwice));
    expect(all.find((e) => e.orderId === shop.orders.chargedTwice)).toMatchObject({
      kind: 'duplicate_charge',
      responsibility: 'platform',
      reasonCode: 'charged_twice_one_order',
    });
    await page.close();
  });

  it('the recheck alarm notifies once the order crosses 24 h, sets the badge, and reopens it (setting on)', async () => {
    await probe.evaluate(() => chrome.storage.local.set({ settings: { autoReopenStalled: true } }));
    const wait = stallingCreatedAt + 24 * HOUR + 1_000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const before = (await entries()).length;
    await worker().evaluate(() => chrome.alarms.create('orders:recheck', { when: Date.now() }));

    const notificationId = `stall|127.0.0.1|${stallingSn}`;
    const shown = await poll(() => worker().evaluate(() => chrome.notifications.getAll()), (ids) => Object.keys(ids).length > 0);
    expect(Object.keys(shown)).toContain(notificationId);
    // The round notifies first and sets the badge after (order-alarms.ts): wait for it, as the shopper would.
    expect(await poll(() => worker().evaluate(() => chrome.action.getBadgeText({})), (text) => text === '1')).toBe('1');
    const record = (await orders()).find((o) => o.orderId === stallingSn)!;
    expect(record.watch.stalledNotifiedAt).not.toBeNull();

    // Reopened in a background tab: read and captured as stalled, text-only because it is not the active tab.
    const after = await poll(entries, (list) => list.slice(before).some((e) => e.kind === 'stalled_order'));
    expect(after.slice(before).find((e) => e.kind === 'stalled_order')).toMatchObject({
      orderId: stallingSn,
      responsibility: 'platform',
      reasonCode: 'order_stalled',
      screenshotError: 'tab_not_visible',
    });
    // The alarm stays scheduled for the next round.
    expect(await worker().evaluate(() => chrome.alarms.get('orders:recheck').then((a) => a?.periodInMinutes ?? null))).toBe(5);
  });

  it('the popup lists watched orders, the stalled one first and highlighted', async () => {
    const popup = await visit(browser.context, `chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const section = popup.getByRole('region', { name: '正在监视的订单' });
    await expect.poll(() => section.locator('li').count()).toBe(3);
    expect(await section.locator('li.stalled').textContent()).toContain(stallingSn);
    expect(await section.locator('li').first().textContent()).toMatch(/已超时 24 h/);
    expect(await section.locator('li.watching').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`${shop.orders.twiceFirst}.*还剩 23 h`))]),
    );
    // "I contacted support" starts the support deadline for the stalled order's case.
    await section.getByRole('button', { name: '我已联系客服' }).click();
    await expect.poll(() => section.locator('li.stalled .deadline').textContent()).toMatch(/客服期限还剩 \d+ h/);
    const deadline = await probe.evaluate(readRecordInPage, {
      store: 'supportDeadlines',
      key: `127.0.0.1#order:${stallingSn}`,
    });
    expect(deadline).toMatchObject({ caseId: `127.0.0.1#order:${stallingSn}`, resolvedAt: null, channel: 'alipay' });
    await popup.close();
  });

  it('a support deadline that passes unresolved is announced by the next alarm, with the next step', async () => {
    const caseId = `127.0.0.1#order:${stallingSn}`;
    // Move the deadline started in the popup into the past, as a day's wait would.
    await probe.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('paywitness-evidence');
          open.onsuccess = () => {
            const store = open.result.transaction('supportDeadlines', 'readwrite').objectStore('supportDeadlines');
            const request = store.get(id);
            request.onsuccess = () => {
              store.put({ ...request.result, dueAt: new Date(Date.now() - 60_000).toISOString() });
              store.transaction.oncomplete = () => resolve();
            };
            request.onerror = () => reject(request.error);
          };
        }),
      caseId,
    );
    await worker().evaluate(() => chrome.alarms.create('orders:recheck', { when: Date.now() }));
    const shown = await poll(() => worker().evaluate(() => chrome.notifications.getAll()), (ids) => `support|${caseId}` in ids);
    expect(Object.keys(shown)).toContain(`support|${caseId}`);
    const popup = await visit(browser.context, `chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const section = popup.getByRole('region', { name: '正在监视的订单' });
    await expect.poll(() => section.locator('li.stalled .deadline').textContent()).toContain('客服期限已过 — 下一步：支付宝');
    await popup.close();
  });

  it('order records survive a browser restart', async () => {
    const beforeRestart = await orders();
    await browser.context.close();
    browser = await launchWithExtension({ userDataDir: profile });
    await openProbe();
    const afterRestart = await orders();
    expect(afterRestart.map((o) => o.orderId).sort()).toEqual(beforeRestart.map((o) => o.orderId).sort());
    expect(afterRestart.find((o) => o.orderId === stallingSn)?.watch.stalledNotifiedAt).toBe(
      beforeRestart.find((o) => o.orderId === stallingSn)?.watch.stalledNotifiedAt,
    );
    expect(afterRestart.length).toBeGreaterThanOrEqual(5);
  });
});
