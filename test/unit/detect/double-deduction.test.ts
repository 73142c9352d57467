import { describe, expect, it } from 'vitest';
import { detectPage, pageView } from '../../../src/detect/detect-page';
import { doubleDeduction } from '../../../src/detect/detectors/double-deduction';
import { snapshot } from '../../helpers/snapshot';

const URL = 'https://shop.example/user/records';
const row = (time: string, what: string, balance: string) => ({ text: `${time}  ${what}  余额：${balance}`, tag: 'div' });

describe('double-deduction: one order deducted twice on the shop ledger', () => {
  it('a balance log with two deductions for one order → duplicate_charge, platform, that order', () => {
    const verdict = detectPage(
      snapshot(URL, [
        { text: '余额明细', tag: 'h3' },
        row('2026-11-28 06:49:42', '余额充值  +100.00', '100.00'),
        row('2026-11-28 07:49:42', '购买扣款  订单号：CHARGED2X50YUAN7  -50.00', '50.00'),
        row('2026-11-28 07:49:44', '购买扣款  订单号：CHARGED2X50YUAN7  -50.00', '0.00'),
      ]),
    );
    expect(verdict).toMatchObject({
      kind: 'duplicate_charge',
      responsibility: 'platform',
      reasonCode: 'charged_twice_one_order',
      orderId: 'CHARGED2X50YUAN7',
    });
    expect(verdict.message).toContain('07:49:44');
  });

  it('purchase records in English', () => {
    const page = snapshot(URL, ['Payment for order #ORD-778812 -12.50', 'Payment for order #ORD-778812 -12.50']);
    expect(detectPage(page)).toMatchObject({ kind: 'duplicate_charge', orderId: 'ORD-778812' });
  });

  it('one deduction per order, a refund row, or an FAQ quoting two rows stay silent', () => {
    const view = (blocks: Parameters<typeof snapshot>[1]) => pageView(snapshot(URL, blocks));
    expect(doubleDeduction.detect(view(['购买扣款 订单号：AAAA11112222 -10.00', '购买扣款 订单号：BBBB33334444 -10.00']))).toBeNull();
    expect(doubleDeduction.detect(view(['购买扣款 订单号：AAAA11112222 -10.00', '退款 订单号：AAAA11112222 +10.00']))).toBeNull();
    expect(
      doubleDeduction.detect(view([{ text: '购买扣款 订单号：AAAA11112222 -10.00\n购买扣款 订单号：AAAA11112222 -10.00', hints: ['article'] }])),
    ).toBeNull();
  });

  describe('table rows, one block per cell', () => {
    const th = (text: string) => ({ text, tag: 'th', hints: ['table' as const] });
    const td = (text: string) => ({ text, tag: 'td', hints: ['table' as const] });
    const table = (headers: string[], rows: string[][]) => [...headers.map(th), ...rows.flat().map(td)];
    // The page's own order, as its labelled facts would name it.
    const view = (blocks: Parameters<typeof snapshot>[1], orderId: string | null = null) => {
      const page = pageView(snapshot(URL, blocks));
      return { ...page, facts: { ...page.facts, orderId } };
    };
    const ledger = ['金额', '余额', '收支类型', '交易信息', '交易时间'];

    it('a wallet log whose type cell says 支出 twice for one order', () => {
      const page = table(ledger, [
        ['¥30.00', '¥12.40', '支出', '商品下单[306261127203011588]', '2026-11-27 20:30:12'],
        ['¥30.00', '¥42.40', '支出', '商品下单[306261127203011588]', '2026-11-27 20:30:11'],
        ['¥50.00', '¥72.40', '收入', '充值', '2026-11-27 20:28:55'],
      ]);
      expect(doubleDeduction.detect(view(page))).toMatchObject({ kind: 'duplicate_charge', orderId: '306261127203011588' });
    });

    it('an English billing history: two paid rows for Order #1038', () => {
      const page = table(
        ['Date', 'Description', 'Charge ID', 'Amount', 'Status'],
        [
          ['Nov 27', 'Order #1038 · Game key', 'ch_1', '$15.99', 'Paid'],
          ['Nov 27', 'Order #1038 · Game key', 'ch_2', '$15.99', 'Paid'],
        ],
      );
      expect(doubleDeduction.detect(view(page))).toMatchObject({ orderId: '1038' });
    });

    it("an order's payment table with two successful payments is about the page's order", () => {
      const page = table(
        ['支付时间', '支付方式', '支付金额', '第三方交易号', '状态'],
        [
          ['2026-11-27 20:30:11', '支付宝', '￥30.00', '2026112722001456781412345678', '支付成功'],
          ['2026-11-27 20:30:44', '支付宝', '￥30.00', '2026112722001456781498765432', '支付成功'],
        ],
      );
      expect(doubleDeduction.detect(view(page, 'K20261127'))).toMatchObject({ kind: 'duplicate_charge' });
      // One success and one failed attempt is one charge.
      const once = table(['支付时间', '支付金额', '状态'], [['20:30:11', '￥30.00', '支付成功'], ['20:30:44', '￥30.00', '支付失败']]);
      expect(doubleDeduction.detect(view(once, 'K20261127'))).toBeNull();
    });

    it('two orders, a deduction and its refund, a fee, or an order list stay silent', () => {
      const two = table(ledger, [
        ['¥30.00', '¥12.40', '支出', '商品下单[306261127203011588]', '20:30:12'],
        ['¥30.00', '¥42.40', '支出', '商品下单[306261127203011599]', '20:30:11'],
      ]);
      expect(doubleDeduction.detect(view(two))).toBeNull();
      const refunded = table(['类型', '金额', '详情'], [['消费', '-30.00', '订单号：A2026112701'], ['退款', '30.00', '订单号：A2026112701']]);
      expect(doubleDeduction.detect(view(refunded))).toBeNull();
      const fee = table(['类型', '金额', '详情'], [['消费', '-30.00', '订单号：A2026112701'], ['消费', '-0.50', '订单号：A2026112701']]);
      expect(doubleDeduction.detect(view(fee))).toBeNull();
      // An order list: each paid row is its own order, even if the page's facts name the first one.
      const orders = table(['订单号', '商品', '金额', '状态'], [['A1001', 'Key', '¥9.90', '已支付'], ['A1002', 'Key', '¥9.90', '已支付']]);
      expect(doubleDeduction.detect(view(orders, 'A1001'))).toBeNull();
    });
  });
});

