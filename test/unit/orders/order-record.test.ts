import { describe, expect, it } from 'vitest';
import { applySighting, type OrderSighting, type Sighting } from '../../../src/orders/order-record';

const order = (change: Partial<OrderSighting> = {}): OrderSighting => ({
  orderId: 'ABC123456789',
  amount: 25,
  currency: 'CNY',
  product: '网易云音乐黑胶VIP 季卡',
  status: '处理中',
  createdAt: null,
  ...change,
});
const sighting = (at: string, change: Partial<OrderSighting> = {}, captureId: string | null = null): Sighting => ({
  site: 'shop.example',
  url: 'https://shop.example/detail-order-sn/ABC123456789',
  at,
  order: order(change),
  captureId,
});

describe('applySighting: one order record per site + order id', () => {
  it('starts a record; without a creation time on the page the age counts from first sight', () => {
    const record = applySighting(null, sighting('2026-11-28T10:00:00.000+08:00'));
    expect(record).toMatchObject({
      site: 'shop.example',
      orderId: 'ABC123456789',
      amount: 25,
      status: '处理中',
      state: 'processing',
      createdAt: '2026-11-28T10:00:00.000+08:00',
      createdAtFrom: 'first_seen',
      firstSeen: '2026-11-28T10:00:00.000+08:00',
      lastSeen: '2026-11-28T10:00:00.000+08:00',
      statusHistory: [{ status: '处理中', at: '2026-11-28T10:00:00.000+08:00', captureId: null }],
      captureIds: [],
    });
  });

  it('keeps status changes only, each with its time and the capture that saw it', () => {
    let record = applySighting(null, sighting('2026-11-28T10:00:00+08:00', {}, 'cap-1'));
    record = applySighting(record, sighting('2026-11-28T11:00:00+08:00', {}, null));
    record = applySighting(record, sighting('2026-11-28T12:00:00+08:00', { status: '已完成' }, 'cap-2'));
    expect(record.statusHistory).toEqual([
      { status: '处理中', at: '2026-11-28T10:00:00+08:00', captureId: 'cap-1' },
      { status: '已完成', at: '2026-11-28T12:00:00+08:00', captureId: 'cap-2' },
    ]);
    expect(record).toMatchObject({ state: 'completed', firstSeen: '2026-11-28T10:00:00+08:00', lastSeen: '2026-11-28T12:00:00+08:00' });
    expect(record.captureIds).toEqual(['cap-1', 'cap-2']);
  });

  it('points an observed status at the capture that later saw the same status', () => {
    const observed = applySighting(null, sighting('2026-11-28T10:00:00+08:00'));
    const captured = applySighting(observed, sighting('2026-11-28T10:00:01+08:00', {}, 'cap-9'));
    expect(captured.statusHistory).toEqual([{ status: '处理中', at: '2026-11-28T10:00:00+08:00', captureId: 'cap-9' }]);
  });

  it('takes the page creation time over first sight, and never moves lastSeen backwards', () => {
    const first = applySighting(null, sighting('2026-11-28T10:00:00+08:00'));
    const later = applySighting(first, sighting('2026-11-28T09:00:00+08:00', { createdAt: '2026-11-27T08:00:00+08:00', amount: null }));
    expect(later).toMatchObject({ createdAt: '2026-11-27T08:00:00+08:00', createdAtFrom: 'page', lastSeen: '2026-11-28T10:00:00+08:00', amount: 25 });
  });
});
