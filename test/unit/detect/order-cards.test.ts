import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/detect/detect-page';
import { pageOrders } from '../../../src/detect/facts/page-orders';
import { parseShownTime } from '../../../src/detect/facts/shown-time';
import { snapshot } from '../../helpers/snapshot';

// Order lists printed as cards, not tables: which lines belong to which order is read from the
// cards' own layout (the status after the number, or a badge above it on every card).

describe('order cards', () => {
  it('keeps a status printed after each number with its own card, not the next one', () => {
    const page = snapshot('https://tw.example/member/orders', [
      '全部訂單', '待付款', '處理中', '已完成',
      '訂單編號：TW1127183305', '下單時間：2026/11/27 18:33', '原神 創世結晶', 'NT$3,290', '已完成',
      '訂單編號：TW1125142218', '下單時間：2026/11/25 14:22', 'Google Play 禮品卡 NT$1,000', '已付款（信用卡）・等待發卡', 'NT$1,050', '處理中',
    ]);
    const [first, second] = pageOrders(page);
    expect(first).toMatchObject({ orderId: 'TW1127183305', status: '已完成' });
    expect(second).toMatchObject({ orderId: 'TW1125142218', status: '處理中', amount: 1050, currency: 'TWD' });
    expect(detectPage(page)).toMatchObject({ kind: 'stalled_order', orderId: 'TW1125142218' });
  });

  it('gives a badge printed above every number to the card it heads', () => {
    const orders = pageOrders(
      snapshot('https://acg.example/user/index/query', [
        '已付款', '#417261126142003296', '下单时间：2026-11-26 14:20:03', '订单金额¥88.00',
        '已发货', '#417261126150001234', '下单时间：2026-11-26 15:00:01', '订单金额¥12.00',
      ]),
    );
    expect(orders.map((order) => order.status)).toEqual(['已付款', '已发货']);
  });

  it('reads an unlabelled time and an English "Order <number>" card with a day-first date', () => {
    const page = snapshot('https://giftverse.example/orders', [
      'Order GV-77120 · 27/11/2026 09:15', '$29.00', 'Delivered',
      'Order GV-76984 · 26/11/2026 14:05', '$52.30', 'Failed', 'Payment captured · Card delivery failed — please contact support.',
    ]);
    expect(pageOrders(page)[1]).toMatchObject({ orderId: 'GV-76984', status: 'Failed', createdAt: '2026-11-26T14:05:00+08:00' });
    expect(detectPage(page)).toMatchObject({ kind: 'payment_error', responsibility: 'platform', orderId: 'GV-76984' });
    expect(parseShownTime('03/04/2026 10:00')).toBeNull();
    expect(parseShownTime('04/13/2026 10:00')).toBe('2026-04-13T10:00:00+08:00');
  });

  it('flags a balance log charging one order number twice, and not one charged once', () => {
    const entry = (id: string, amount: string, time: string) => ['购买商品扣款', `-¥${amount}`, `订单号 ${id} · Apple Music × 1`, `${time} · 扣款后余额 ¥34.00`];
    const twice = snapshot('https://shop.example/user/money-log', [
      ...entry('XL2611271403087725', '58.00', '2026-11-27 14:03:12'),
      ...entry('XL2611271403087725', '58.00', '2026-11-27 14:03:11'),
      ...entry('XL2611230917361044', '15.00', '2026-11-23 09:17:36'),
    ]);
    expect(detectPage(twice)).toMatchObject({ kind: 'duplicate_charge', responsibility: 'platform', reasonCode: 'charged_twice_one_order', orderId: 'XL2611271403087725' });
    const once = snapshot('https://shop.example/user/money-log', [
      ...entry('XL2611271403087725', '58.00', '2026-11-27 14:03:12'),
      ...entry('XL2611230917361044', '15.00', '2026-11-23 09:17:36'),
    ]);
    expect(detectPage(once).kind).toBe('none');
  });
});
