import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';
import { deriveOrders } from '../../../src/export/derive-orders';
import { applySighting } from '../../../src/orders/order-record';
import { draft } from '../../helpers/evidence-builders';

const capture = (id: string, capturedAt: string, status: string, kind: CaptureEntry['kind'] = 'order_status'): CaptureEntry => ({
  ...draft({ id, capturedAt, status, kind, orderId: 'AB12345678', amount: 25, createdAt: null }),
  files: [],
  prevHash: null,
  hash: id,
});

describe('deriveOrders: bundle v1 orders[] from captures, completed by the order records', () => {
  const captures = [capture('c1', '2026-11-28T10:00:00.000+08:00', '处理中'), capture('c2', '2026-11-29T11:00:00.000+08:00', '处理中', 'stalled_order')];

  it('without records keeps the v1 fields exactly as derived from the captures', () => {
    const [order] = deriveOrders(captures);
    expect(order).toEqual({
      site: 'shop.example',
      orderId: 'AB12345678',
      amount: 25,
      currency: 'CNY',
      status: '处理中',
      createdAt: null,
      firstSeen: '2026-11-28T10:00:00.000+08:00',
      lastSeen: '2026-11-29T11:00:00.000+08:00',
      statusHistory: [{ status: '处理中', at: '2026-11-28T10:00:00.000+08:00', captureId: 'c1' }],
      stalled: true,
      captureIds: ['c1', 'c2'],
    });
  });

  it('with a record: earlier first sight, latest status, product, and the uncaptured history as an extension', () => {
    const base = { site: 'shop.example', url: 'https://shop.example/o', order: { orderId: 'AB12345678', amount: 25, currency: 'CNY', product: '季卡', createdAt: null } };
    let record = applySighting(null, { ...base, at: '2026-11-28T09:00:00.000+08:00', captureId: null, order: { ...base.order, status: '处理中' } });
    record = applySighting(record, { ...base, at: '2026-11-29T12:00:00.000+08:00', captureId: null, order: { ...base.order, status: '已完成' } });
    const [order] = deriveOrders(captures, [record]);
    expect(order).toMatchObject({
      status: '已完成',
      firstSeen: '2026-11-28T09:00:00.000+08:00',
      lastSeen: '2026-11-29T12:00:00.000+08:00',
      createdAt: null,
      ageFrom: { at: '2026-11-28T09:00:00.000+08:00', source: 'first_seen' },
      product: '季卡',
      statusHistory: [{ status: '处理中', at: '2026-11-28T10:00:00.000+08:00', captureId: 'c1' }],
      observedStatusHistory: [
        { status: '处理中', at: '2026-11-28T09:00:00.000+08:00', captureId: null },
        { status: '已完成', at: '2026-11-29T12:00:00.000+08:00', captureId: null },
      ],
      captureIds: ['c1', 'c2'],
    });
  });

  it('records of orders no capture in the bundle saw are left out', () => {
    const other = applySighting(null, {
      site: 'shop.example',
      url: 'https://shop.example/o',
      at: '2026-11-28T09:00:00.000+08:00',
      captureId: null,
      order: { orderId: 'ZZ99999999', amount: 1, currency: null, product: null, status: '已完成', createdAt: null },
    });
    expect(deriveOrders(captures, [other]).map((o) => o.orderId)).toEqual(['AB12345678']);
  });
});
