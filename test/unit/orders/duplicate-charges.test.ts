import { describe, expect, it } from 'vitest';
import { orderState } from '../../../src/detect/facts/order-status';
import { findDuplicateCharges } from '../../../src/detect/duplicate-purchases';

const order = (orderId: string, amount: number, status: string, createdAt: string, product: string | null = 'A', site = 'shop.example') => ({
  site,
  orderId,
  amount,
  currency: 'CNY',
  product,
  state: orderState(status),
  createdAt,
});

describe('findDuplicateCharges', () => {
  it('two paid orders, same amount, 10 min apart → one group; cannot tell double charge from double order', () => {
    const groups = findDuplicateCharges([
      order('B000002', 30, '待处理', '2026-11-28T10:10:00+08:00', null),
      order('A000001', 30.005, '处理中', '2026-11-28T10:00:00+08:00', 'other'),
    ]);
    expect(groups).toEqual([
      { site: 'shop.example', orderIds: ['A000001', 'B000002'], amount: 30, responsibility: null, reasonCode: 'duplicate_charge_unclear' },
    ]);
  });

  it('same product days apart still counts; different product far apart does not', () => {
    expect(findDuplicateCharges([order('A1', 10, '处理中', '2026-11-20T10:00:00+08:00'), order('A2', 10, '处理中', '2026-11-28T10:00:00+08:00')])).toHaveLength(1);
    expect(
      findDuplicateCharges([order('A1', 10, '处理中', '2026-11-20T10:00:00+08:00', 'x'), order('A2', 10, '处理中', '2026-11-28T10:00:00+08:00', 'y')]),
    ).toEqual([]);
  });

  it('amounts more than 0.01 apart, other sites, unpaid or cancelled orders do not pair', () => {
    const at = '2026-11-28T10:00:00+08:00';
    expect(findDuplicateCharges([order('A1', 10, '处理中', at), order('A2', 10.02, '处理中', at)])).toEqual([]);
    expect(findDuplicateCharges([order('A1', 10, '处理中', at), order('A2', 10, '处理中', at, 'A', 'other.example')])).toEqual([]);
    expect(findDuplicateCharges([order('A1', 10, '处理中', at), order('A2', 10, '待支付', at)])).toEqual([]);
    expect(findDuplicateCharges([order('A1', 10, '已取消', at), order('A2', 10, '已过期', at)])).toEqual([]);
  });

  it('"within 30 min" needs creation times the pages showed, not the time both were first seen', () => {
    const at = '2026-11-28T10:00:00+08:00';
    const seenTogether = [order('A1', 10, '已完成', at, 'x'), order('A2', 10, '已完成', at, 'y')].map((o) => ({ ...o, createdAtFrom: 'first_seen' as const }));
    expect(findDuplicateCharges(seenTogether)).toEqual([]);
    expect(findDuplicateCharges(seenTogether.map((o) => ({ ...o, createdAtFrom: 'page' as const })))).toHaveLength(1);
  });

  it('two orders each delivered: two purchases or one submitted twice, nobody blamed', () => {
    const at = '2026-11-28T10:00:00+08:00';
    expect(findDuplicateCharges([order('A1', 10, '已完成', at), order('A2', 10, '已完成', at)])[0]).toMatchObject({
      responsibility: null,
      reasonCode: 'duplicate_orders_both_delivered',
    });
  });

  it('three look-alike orders form one group', () => {
    const groups = findDuplicateCharges([
      order('A1', 10, '处理中', '2026-11-28T10:00:00+08:00', null),
      order('A2', 10, '处理中', '2026-11-28T10:25:00+08:00', null),
      order('A3', 10, '处理中', '2026-11-28T10:50:00+08:00', null),
    ]);
    expect(groups.map((g) => g.orderIds)).toEqual([['A1', 'A2', 'A3']]);
  });
});
