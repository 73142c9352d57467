import { describe, expect, it } from 'vitest';
import { hasIssuerRange, passesLuhn } from '../../../src/privacy/card-number';
import { idCheckChar, isChinaIdNumber15, isChinaIdNumber18 } from '../../../src/privacy/china-id-number';
import { redactText } from '../../../src/privacy/redact-text';
import { withLuhn } from '../../helpers/sensitive-numbers';

const UNIONPAY_19 = withLuhn('622202123456789012'); // 19 digits
const VISA_16 = '4111111111111111';
const ID_18 = '11010519491231002X';

describe('number checks', () => {
  it('Luhn and issuer ranges', () => {
    expect(passesLuhn(VISA_16)).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(hasIssuerRange(UNIONPAY_19)).toBe(true);
    expect(hasIssuerRange('2024112812345678901')).toBe(false);
    expect(hasIssuerRange('5111111111111118')).toBe(true);
    expect(hasIssuerRange('511111111111111800')).toBe(false); // Mastercard issues 16 digits only
  });

  it('身份证: region, birth date and MOD 11-2 check character', () => {
    expect(isChinaIdNumber18(ID_18)).toBe(true);
    expect(isChinaIdNumber18('11010519491231002x')).toBe(true);
    expect(isChinaIdNumber18('110105194912310021')).toBe(false); // wrong check character
    const badDate = '11010519490231001';
    expect(isChinaIdNumber18(badDate + idCheckChar(badDate))).toBe(false); // 31 February
    const badRegion = '99010519491231001';
    expect(isChinaIdNumber18(badRegion + idCheckChar(badRegion))).toBe(false);
    expect(isChinaIdNumber15('110105491231002')).toBe(true);
    expect(isChinaIdNumber15('110105491331002')).toBe(false);
  });
});

describe('redactText', () => {
  it('masks a card in any print style, keeping its last 4 and the separators', () => {
    const last4 = UNIONPAY_19.slice(-4);
    expect(redactText(`卡号：${UNIONPAY_19}`).text).toBe(`卡号：${'*'.repeat(15)}${last4}`);
    const spaced = UNIONPAY_19.match(/.{1,4}/g)!.join(' ');
    expect(redactText(`银行卡 ${spaced} 已绑定`).text).toBe(`银行卡 **** **** **** ***${last4[0]} ${last4.slice(1)} 已绑定`);
    expect(redactText('Visa 4111-1111-1111-1111').text).toBe('Visa ****-****-****-1111');
  });

  it('masks 身份证 (keep last 4) and mobile numbers (keep first 3 and last 4)', () => {
    const result = redactText(`身份证号：${ID_18}，手机 13812345678，备用 +86 139-1234-5678`);
    expect(result.text).toBe('身份证号：**************002X，手机 138****5678，备用 +86 139-****-5678');
    expect(result.counts).toEqual({ card: 0, idNumber: 1, phone: 2 });
  });

  it('masks the 15-digit 身份证 only after an ID label', () => {
    expect(redactText('证件号码 110105491231002').text).toBe('证件号码 ***********1002');
    expect(redactText('编号 110105491231002').text).toBe('编号 110105491231002');
  });

  it('keeps order ids: alphanumeric, date-stamped, 28-digit, and Luhn-valid ones behind an order label', () => {
    const kept = [
      '订单号：Q7RZ4N3KXH2J8W6P',
      '交易号 2024112812345678901',
      `trade_no=${UNIONPAY_19}`,
      `订单号\n${UNIONPAY_19}`,
      '支付宝交易号 2024112822001412345678901234',
      'Order ID: 13812345678',
      '下单时间 2024-11-28 12:30:00，金额 ¥100.00',
      'zlkb20241128123456781234',
    ];
    for (const text of kept) expect(redactText(text), text).toEqual({ text, counts: { card: 0, idNumber: 0, phone: 0 } });
  });

  it('reads labels across HTML tags (the MHTML snapshot is masked with the same rules)', () => {
    const html = `<tr><td class="label">订单号</td><td class="value">${UNIONPAY_19}</td></tr>`;
    expect(redactText(html).text).toBe(html);
    expect(redactText(`<td>卡号</td><td>${UNIONPAY_19}</td>`).counts.card).toBe(1);
  });

  it('a Luhn-valid number in a card range counts as a card when no label says it is an order id', () => {
    expect(redactText(`付款 ${UNIONPAY_19}`).counts.card).toBe(1);
    // An order label on the line above does not protect a number further down.
    expect(redactText(`订单号：2024112812345678901\n${UNIONPAY_19}`).text).toBe(
      `订单号：2024112812345678901\n${'*'.repeat(15)}${UNIONPAY_19.slice(-4)}`,
    );
  });

  it('splits runs: a phone and a card separated by one space are both found', () => {
    const result = redactText(`13812345678 ${VISA_16}`);
    expect(result.text).toBe('138****5678 ************1111');
  });

  it('leaves text without numbers untouched (same string)', () => {
    const text = '支付网关异常，请联系客服';
    expect(redactText(text).text).toBe(text);
  });
});
