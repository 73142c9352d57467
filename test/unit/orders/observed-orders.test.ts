import { describe, expect, it } from 'vitest';
import { observedOrders } from '../../../src/orders/observed-orders';
import { snapshot } from '../../helpers/snapshot';

const card = (sn: string, status: string, total: string) =>
  [`订单号：${sn}`, '订单名称：腾讯视频VIP会员 月卡', `订单创建时间：2026-11-28 10:00:00`, `实际支付价格：${total}`, `订单状态：${status}`].join('\n');

describe('observedOrders: the orders a page shows', () => {
  it('an order detail page shows one, with product and creation time', () => {
    expect(observedOrders(snapshot('https://shop.example/detail-order-sn/DONE2DAYSAGO0002', [card('DONE2DAYSAGO0002', '已完成', '20.00')]))).toEqual([
      {
        orderId: 'DONE2DAYSAGO0002',
        amount: 20,
        currency: null,
        product: '腾讯视频VIP会员 月卡',
        status: '已完成',
        createdAt: '2026-11-28T10:00:00+08:00',
      },
    ]);
  });

  it('query results and order lists show several, one per card', () => {
    const page = snapshot('https://shop.example/search-order-by-email', [card('AAAA11112222', '已完成', '10.00'), card('BBBB33334444', '处理中', '25.00')]);
    expect(observedOrders(page).map((o) => [o.orderId, o.status, o.amount])).toEqual([
      ['AAAA11112222', '已完成', 10],
      ['BBBB33334444', '处理中', 25],
    ]);
  });

  it('a payment page with the order number only in its URL', () => {
    const page = snapshot('https://pay.example/submit.php?out_trade_no=2026112810000123&money=25.00', ['正在跳转']);
    expect(observedOrders(page)).toMatchObject([{ orderId: '2026112810000123', amount: 25, status: null }]);
  });

  it('a product page or an announcement quoting an order number shows none', () => {
    expect(observedOrders(snapshot('https://shop.example/buy/1', ['价格：￥ 10.00', '下单']))).toEqual([]);
    expect(observedOrders(snapshot('https://shop.example/', [{ text: '订单号：AAAA11112222 已退款', hints: ['notice'] }]))).toEqual([]);
  });
});
