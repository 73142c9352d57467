import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectPage } from '../../../src/detect/detect-page';
import { linkCapture, observeOrders, refineVerdict, type OrderTrackingDeps } from '../../../src/background/order-tracking';
import type { UnhashedEntry } from '../../../src/evidence/capture-entry';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { openEvidenceDb, type EvidenceDb } from '../../../src/store/open-evidence-db';
import { getOrder, listOrders } from '../../../src/store/order-store';
import { snapshot } from '../../helpers/snapshot';

// settings.ts reads browser storage; these tests pass settings in, so the polyfill is never called.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const HOUR = 3_600_000;
const SHOP = 'https://shop.example';
const sender = { id: 'ext', tab: { id: 7 }, frameId: 0, url: `${SHOP}/x` } as never;
const detail = (sn: string, status: string, total = '30.00', shownTime?: string) =>
  snapshot(`${SHOP}/detail-order-sn/${sn}`, [
    [`订单号：${sn}`, '订单名称：腾讯视频VIP会员 月卡', `实际支付价格：${total}`, `订单状态：${status}`, shownTime ? `订单创建时间：${shownTime}` : '']
      .filter(Boolean)
      .join('\n'),
  ]);

let db: EvidenceDb;
let clock: number;
let deps: OrderTrackingDeps;
let n = 0;

beforeEach(async () => {
  db = await openEvidenceDb(`orders-test-${n++}`);
  clock = Date.parse('2026-11-28T10:00:00+08:00');
  deps = { db: async () => db, settings: async () => DEFAULT_SETTINGS, now: () => new Date(clock) };
});
afterEach(() => db.close());

const refine = async (page: ReturnType<typeof snapshot>) => refineVerdict(detectPage({ ...page, seenAt: new Date(clock).toISOString() }), page, 'shop.example', deps);

describe('order tracking in the worker (fake clock, fake IndexedDB)', () => {
  it('an open order without a shown creation time becomes stalled 24 h after first sight', async () => {
    expect(await refine(detail('FIRST0000001', '处理中'))).toMatchObject({ kind: 'order_status', reasonCode: 'order_open_age_unknown' });
    clock += 23 * HOUR;
    expect((await refine(detail('FIRST0000001', '处理中'))).kind).toBe('order_status');
    clock += 2 * HOUR;
    expect(await refine(detail('FIRST0000001', '处理中'))).toMatchObject({
      kind: 'stalled_order',
      responsibility: 'platform',
      reasonCode: 'order_stalled_since_first_seen',
      message: '处理中 · 25 h 00 min',
    });
  });

  it('completed orders are recorded by observation only, and survive reopening the database', async () => {
    const reply = await observeOrders(
      { url: `${SHOP}/detail-order-sn/DONE00000002`, orders: [{ orderId: 'DONE00000002', amount: 20, currency: null, product: null, status: '已完成', createdAt: null }] },
      sender,
      deps,
    );
    expect(reply).toEqual({ ok: true, capture: false });
    db.close();
    db = await openEvidenceDb(`orders-test-${n - 1}`);
    expect(await getOrder(db, 'shop.example', 'DONE00000002')).toMatchObject({ status: '已完成', state: 'completed', captureIds: [] });
  });

  it('refuses orders reported for another origin or from a frame', async () => {
    const orders = [{ orderId: 'X00000000001', amount: 1, currency: null, product: null, status: null, createdAt: null }];
    expect(await observeOrders({ url: 'https://other.example/o', orders }, sender, deps)).toMatchObject({ ok: false });
    expect(await observeOrders({ url: `${SHOP}/o`, orders }, { ...(sender as object), frameId: 3 } as never, deps)).toMatchObject({ ok: false });
    expect(await listOrders(db)).toEqual([]);
  });

  it('a second paid order like the first → duplicate_charge linking both, once', async () => {
    await refine(detail('TWICE0000005', '处理中', '30.00', '2026-11-28 09:40:00'));
    const second = await refine(detail('TWICE0000006', '待处理', '30.00', '2026-11-28 09:48:00'));
    expect(second).toMatchObject({
      kind: 'duplicate_charge',
      responsibility: null,
      reasonCode: 'duplicate_charge_unclear',
      orderId: 'TWICE0000006',
      relatedOrderIds: ['TWICE0000005'],
    });
    const entry = { id: 'cap-dup', site: 'shop.example', url: `${SHOP}/d`, capturedAt: new Date(clock).toISOString(), ...second } as unknown as UnhashedEntry;
    await linkCapture(entry, deps);
    expect((await refine(detail('TWICE0000006', '待处理', '30.00', '2026-11-28 09:48:00'))).kind).toBe('order_status');
    expect((await getOrder(db, 'shop.example', 'TWICE0000006'))?.captureIds).toEqual(['cap-dup']);
  });

  it('asks a completed page to submit when it completes a duplicate pair', async () => {
    const done = (orderId: string) => ({ orderId, amount: 20, currency: null, product: 'A', status: '已完成', createdAt: null });
    expect(await observeOrders({ url: `${SHOP}/a`, orders: [done('DONE00000010')] }, sender, deps)).toEqual({ ok: true, capture: false });
    expect(await observeOrders({ url: `${SHOP}/b`, orders: [done('DONE00000011')] }, sender, deps)).toEqual({ ok: true, capture: true });
    const page = snapshot(`${SHOP}/b`, ['订单号：DONE00000011\n订单名称：A\n实际支付价格：20.00\n订单状态：已完成']);
    expect(await refine(page)).toMatchObject({ kind: 'duplicate_charge', responsibility: null, reasonCode: 'duplicate_orders_both_delivered' });
  });
});
