import { describe, expect, it } from 'vitest';
import { escrowState, findEscrow } from '../../../src/shop/escrow';
import { findAggregators } from '../../../src/shop/payment-aggregator';
import { findPaymentMethods } from '../../../src/shop/payment-methods';

describe('payment methods', () => {
  it("reads a dujiaoka 支付方式 list and a checkout's method line", () => {
    expect(findPaymentMethods(['支付方式：', '易支付-支付宝', '微信扫码', 'QQ钱包', 'USDT-TRC20']).map((seen) => seen.method)).toEqual([
      'alipay', 'wechat', 'qq_wallet', 'crypto',
    ]);
    expect(findPaymentMethods(['支付方式：余额支付']).map((seen) => [seen.method, seen.shown])).toEqual([['balance', '支付方式：余额支付']]);
  });

  it('does not take a long sentence that mentions a method for a list of what the shop takes', () => {
    expect(findPaymentMethods(['如遇支付宝维护导致付款失败，请稍后再试，或者联系在线客服处理您的订单问题，我们会尽快回复。'])).toEqual([]);
  });
});

describe('escrow (担保交易)', () => {
  it('an offer, a refusal, and a refusal anywhere outweighs an offer', () => {
    expect(findEscrow('本站支持担保交易，确认收货后放款。')).toEqual([{ state: 'offered', text: '本站支持担保交易，确认收货后放款。' }]);
    expect(findEscrow('本站为自动发卡平台，非担保交易，请谨慎购买。')).toEqual([{ state: 'refused', text: '本站为自动发卡平台，非担保交易，请谨慎购买。' }]);
    expect(escrowState(findEscrow('支持担保交易。\n本站不支持担保交易。'))).toBe('refused');
    expect(escrowState(findEscrow('This shop does not offer escrow.'))).toBe('refused');
    expect(escrowState([])).toBeNull();
  });

  it('a question about escrow is neither an offer nor a refusal', () => {
    expect(findEscrow('什么是担保交易？\n是否支持担保交易')).toEqual([]);
  });
});

describe('payment aggregators (易支付 and others)', () => {
  it('by the method names a shop shows', () => {
    expect(findAggregators('支付方式：\n易支付-支付宝\n微信扫码', [], 'shop.example')).toEqual([{ kind: 'epay', shown: '易支付-支付宝', from: 'text' }]);
    expect(findAggregators('V免签-微信', [], 'shop.example').map((seen) => seen.kind)).toEqual(['vmq']);
    expect(findAggregators('码支付', [], 'shop.example').map((seen) => seen.kind)).toEqual(['mapay']);
  });

  it('by where pay links and forms go: dujiaoka routes, epay scripts on another host', () => {
    const links = [
      { text: '立即支付', href: 'https://shop.example/pay-gateway/pay%2Fyipay/alipay/AB12CD34EF56GH78' },
      { text: '', href: 'https://pay.aggregator.example/submit.php?pid=1001&sign=x' },
    ];
    expect(findAggregators('', links, 'shop.example')).toEqual([{ kind: 'epay', shown: 'shop.example/pay-gateway/pay%2Fyipay/alipay/AB12CD34EF56GH78', from: 'link' }]);
    expect(findAggregators('', [links[1]!], 'shop.example')).toEqual([{ kind: 'epay', shown: 'pay.aggregator.example/submit.php', from: 'link' }]);
  });

  it("hard negatives: the shop's own merchant pay routes, its own submit.php, Alipay's 当面付", () => {
    const own = [
      { text: '立即支付', href: 'https://shop.example/pay-gateway/pay%2Falipay/alipay/AB12' },
      { text: '', href: 'https://shop.example/submit.php' },
    ];
    expect(findAggregators('支付宝当面付\n微信支付', own, 'shop.example')).toEqual([]);
  });
});
