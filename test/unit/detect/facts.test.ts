import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../../src/detect/facts/amount';
import { extractFacts } from '../../../src/detect/facts/extract-facts';
import { orderState } from '../../../src/detect/facts/order-status';
import { parseShownTime } from '../../../src/detect/facts/shown-time';
import { snapshot } from '../../helpers/snapshot';

describe('facts', () => {
  it('reads amounts in the forms shops print', () => {
    expect(parseMoney('￥10.00')).toEqual({ amount: 10, currency: 'CNY' });
    expect(parseMoney('¥ 1,288.50')).toEqual({ amount: 1288.5, currency: 'CNY' });
    expect(parseMoney('25.00元')).toEqual({ amount: 25, currency: 'CNY' });
    expect(parseMoney('$ 9.99')).toEqual({ amount: 9.99, currency: 'USD' });
    expect(parseMoney('12.5 USDT')).toEqual({ amount: 12.5, currency: 'USDT' });
    expect(parseMoney('25.00')).toEqual({ amount: 25, currency: null });
    expect(parseMoney('免费')).toBeNull();
  });

  it('reads shown times as Asia/Shanghai unless a zone is shown', () => {
    expect(parseShownTime('2026-11-27 04:00:00')).toBe('2026-11-27T04:00:00+08:00');
    expect(parseShownTime('2026/1/5 4:07')).toBe('2026-01-05T04:07:00+08:00');
    expect(parseShownTime('2026年11月27日 04:00')).toBe('2026-11-27T04:00:00+08:00');
    expect(parseShownTime('2026-11-27T04:00:00Z')).toBe('2026-11-27T04:00:00Z');
    expect(parseShownTime('2026-13-01 00:00:00')).toBeNull();
    expect(parseShownTime('昨天')).toBeNull();
  });

  it('maps status labels of the real systems to states', () => {
    expect(orderState('待支付')).toBe('awaiting_payment');
    expect(orderState('待处理')).toBe('pending');
    expect(orderState('处理中')).toBe('processing');
    expect(orderState('已完成')).toBe('completed');
    expect(orderState('已过期')).toBe('expired');
    expect(orderState('Processing')).toBe('processing');
    expect(orderState('天气不错')).toBeNull();
  });

  it('takes a label cell followed by its value cell, and never a header row', () => {
    const facts = extractFacts(
      snapshot('https://shop.example/orders', [
        { text: '订单号', tag: 'th', hints: ['table'] },
        { text: '订单金额', tag: 'th', hints: ['table'] },
        { text: '订单状态', tag: 'th', hints: ['table'] },
      ]),
    );
    expect(facts).toEqual({ orderId: null, amount: null, currency: null, status: null, createdAt: null });
    const detail = extractFacts(
      snapshot('https://shop.example/x', [
        { text: '订单号', tag: 'td' },
        { text: 'A1B2C3D4E5F6G7H8', tag: 'td' },
        { text: '订单金额', tag: 'td' },
        { text: '¥ 30.00', tag: 'td' },
      ]),
    );
    expect(detail).toMatchObject({ orderId: 'A1B2C3D4E5F6G7H8', amount: 30, currency: 'CNY' });
  });

  it('falls back to the order id and money in the URL', () => {
    const facts = extractFacts(snapshot('https://pay.example/submit.php?out_trade_no=2026112899990001&money=8.80', []));
    expect(facts).toMatchObject({ orderId: '2026112899990001', amount: 8.8 });
  });
});

describe('facts in the shapes the systems print', () => {
  it('reads the first row of a header/row table', () => {
    const facts = extractFacts(
      snapshot('https://kameng.example/?mod=query', [
        ...['订单号', '下单账号', '商品名称', '购买时间', '状态', '操作'].map((text) => ({ text, tag: 'th', hints: ['table' as const] })),
        ...['20261126112045318', '2849102733', 'QQ会员', '2026-11-26 11:20:45', '待处理', '详细'].map((text) => ({ text, tag: 'td', hints: ['table' as const] })),
      ]),
    );
    expect(facts).toMatchObject({ orderId: '20261126112045318', status: '待处理', createdAt: '2026-11-26T11:20:45+08:00' });
  });

  it('reads acg-faka badges, "#id" and a price run into its label', () => {
    const facts = extractFacts(
      snapshot('https://acg.example/user/index/query', ['已付款', '#417261126142003296', '下单时间：2026-11-26 14:20:03', '订单金额¥88.00', '宝贝内容', '等待发货']),
    );
    expect(facts).toEqual({ orderId: '417261126142003296', amount: 88, currency: 'CNY', status: '等待发货', createdAt: '2026-11-26T14:20:03+08:00' });
  });

  it('prefers a price with cents over a round number in a product name', () => {
    const facts = extractFacts(snapshot('https://shop.example/item/1', ['Steam 充值卡 100元', '¥103.00']));
    expect(facts).toMatchObject({ amount: 103, currency: 'CNY' });
  });

  it('reads English dates and status labels, hyper\'s 已处理 included', () => {
    expect(parseShownTime('Nov 27, 2026 21:14')).toBe('2026-11-27T21:14:00+08:00');
    expect(orderState('已处理')).toBe('processing');
    expect(orderState('Pending Payment')).toBe('awaiting_payment');
    expect(orderState('等待发货')).toBe('pending');
    expect(orderState('已退款(平台余额)')).toBe('refunded');
  });
});

describe('order numbers a gateway carries inside another parameter', () => {
  it("reads Alipay's biz_content, a WeChat cashier's redirect_url, zfaka's base64 oid and a dotted pay route", () => {
    const biz = encodeURIComponent(JSON.stringify({ out_trade_no: 'YH20261128095811', total_amount: '19.90' }));
    expect(extractFacts(snapshot(`https://openapi.alipay.com/gateway.do?method=alipay.trade.page.pay&biz_content=${biz}`, ['抱歉'])).orderId).toBe('YH20261128095811');
    const back = encodeURIComponent('https://shop.example/pay/return?order_sn=SH202611280956291');
    expect(extractFacts(snapshot(`https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx28&redirect_url=${back}`, ['x'])).orderId).toBe('SH202611280956291');
    expect(extractFacts(snapshot(`https://faka.example/product/order/pay/?oid=${btoa('zlkb2026112722051833019')}`, ['x'])).orderId).toBe('zlkb2026112722051833019');
    expect(extractFacts(snapshot('https://faka.example/user/pay/order.261128095512307741.1', ['x'])).orderId).toBe('261128095512307741');
    expect(extractFacts(snapshot(`https://faka.example/product/order/pay/?oid=${btoa('hello')}`, ['x'])).orderId).toBeNull();
  });
});
