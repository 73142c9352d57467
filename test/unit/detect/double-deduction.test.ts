import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/detect/detect-page';
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
    const view = (blocks: Parameters<typeof snapshot>[1]) => ({
      snapshot: snapshot(URL, blocks),
      url: null,
      facts: { orderId: null, amount: null, currency: null, status: null, createdAt: null },
      now: 0,
      settings: { stallThresholdHours: 24 },
    });
    expect(doubleDeduction.detect(view(['购买扣款 订单号：AAAA11112222 -10.00', '购买扣款 订单号：BBBB33334444 -10.00']))).toBeNull();
    expect(doubleDeduction.detect(view(['购买扣款 订单号：AAAA11112222 -10.00', '退款 订单号：AAAA11112222 +10.00']))).toBeNull();
    expect(
      doubleDeduction.detect(view([{ text: '购买扣款 订单号：AAAA11112222 -10.00\n购买扣款 订单号：AAAA11112222 -10.00', hints: ['article'] }])),
    ).toBeNull();
  });
});
