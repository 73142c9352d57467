import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/detect/detect-page';
import { pageRole } from '../../../src/detect/page-role';
import { safeUrl } from '../../../src/shared/safe-url';
import { snapshot } from '../../helpers/snapshot';

// Rule-level cases written by hand (not the fixture pages): what each rule must say, and the
// quoting / advice / hidden-context cases it must stay silent on.

const SHOP = 'https://shop.example/pay/alipay/zfbf2f/ABCD1234EFGH5678';
const EPAY = 'https://pay.example/submit.php?pid=1&out_trade_no=2026112812345678901&money=10';

function verdictOf(url: string, lines: Array<string | { text: string; tag?: string; hints?: Array<'alert' | 'toast' | 'dialog' | 'heading' | 'article' | 'notice'> }>) {
  return detectPage(snapshot(url, lines));
}

describe('who is to blame, rule by rule', () => {
  it.each([
    // [url, message, kind, responsibility, reasonCode]
    [SHOP, '支付网关异常！Get Alipay API Error:Service Currently Unavailable - isp.unknow-error', 'payment_error', 'third_party', 'provider_outage'],
    // Alipay's own code for the class of error (40002 Invalid Arguments) names the most of the message.
    [SHOP, '支付网关异常！Get Alipay API Error:Invalid Arguments - isv.invalid-app-id', 'payment_error', 'platform', 'shop_request_invalid'],
    [SHOP, '支付网关不存在', 'payment_error', 'platform', 'shop_gateway_error'],
    [SHOP, '当前支付方式已停用，请选择其他支付方式', 'payment_error', 'platform', 'shop_gateway_error'],
    [EPAY, '商户已被封禁，无法支付！', 'payment_error', 'platform', 'provider_refused_shop'],
    [EPAY, '当前商户余额不足，无法完成支付，请商户登录用户中心充值余额', 'payment_error', 'platform', 'provider_refused_shop'],
    ['https://pay.example/cashier.php?trade_no=1', '当前支付方式暂时关闭维护，请更换其他方式支付', 'payment_error', 'third_party', 'provider_maintenance'],
    [EPAY, '系统异常无法完成付款', 'payment_error', 'third_party', 'bank_or_risk_control'],
    ['https://mclient.alipay.com/cashier/mobilepay.htm', '支付有风险，为保障资金安全，本次支付无法完成', 'payment_error', 'third_party', 'bank_or_risk_control'],
    ['https://shop.example/checkout/7', 'Your card was declined.', 'payment_error', 'third_party', 'card_declined'],
    ['https://shop.example/checkout/7', 'Your card has insufficient funds.', 'user_error', 'user', 'insufficient_balance'],
    ['https://shop.example/checkout/7', "Your card's security code is incorrect.", 'user_error', 'user', 'user_input_error'],
    ['https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb', '网络环境未能通过安全验证，请稍后再试', 'payment_error', null, 'network_check_undecided'],
    [SHOP, '订单已经支付过了，请勿重复支付', 'user_error', 'user', 'order_already_paid'],
    [SHOP, 'Order has expired, please place a new order', 'user_error', 'user', 'order_expired'],
    ['https://shop.example/item/3', '余额不足', 'user_error', 'user', 'insufficient_balance'],
    ['https://shop.example/item/3', '图形验证码错误', 'user_error', 'user', 'user_input_error'],
    ['https://shop.example/create-order', '库存不足', 'payment_error', 'platform', 'out_of_stock'],
    ['https://shop.example/#/pay', '服务器卡密加载失败，请稍后查询订单或联系客服解决', 'payment_error', 'platform', 'delivery_failed'],
    ['https://shop.example/pay', '支付失败', 'payment_error', null, 'payment_failed_unexplained'],
  ] as const)('%s says "%s" → %s / %s', (url, message, kind, responsibility, reasonCode) => {
    const verdict = verdictOf(url, ['某某发卡', { text: message, hints: ['alert'] }, '返回首页']);
    expect(verdict).toMatchObject({ kind, responsibility, reasonCode });
  });

  it('a 5xx page is the shop\'s on the shop host and the provider\'s on a gateway host', () => {
    const page = (url: string) => verdictOf(url, [{ text: '502 Bad Gateway', tag: 'h1', hints: ['heading'] }, 'nginx']);
    expect(page('https://shop.example/pay/wepay/wescan/ABCD1234EFGH5678')).toMatchObject({ kind: 'payment_error', responsibility: 'platform' });
    expect(page(EPAY)).toMatchObject({ kind: 'payment_error', responsibility: 'third_party' });
    expect(page('https://shop.example/blog/outage').kind).toBe('payment_error');
    const article = verdictOf('https://blog.example/postmortem', [{ text: 'We saw "502 Bad Gateway" for ten minutes.', hints: ['article'] }, { text: '502 Bad Gateway', tag: 'pre', hints: ['article'] }]);
    expect(article.kind).toBe('none');
  });

  it('the merchant\'s or the supplier\'s balance is not the shopper\'s: the shop answers for its supplier', () => {
    expect(verdictOf('https://shop.example/query', ['处理结果：对接站返回：下单失败，余额不足'])).toMatchObject({
      kind: 'payment_error',
      responsibility: 'platform',
      reasonCode: 'delivery_failed',
    });
    expect(verdictOf('https://pay.example/submit.php?pid=1', [{ text: '当前商户余额不足，无法完成支付', hints: ['alert'] }])).toMatchObject({
      responsibility: 'platform',
    });
  });

  it('an abnormal paid order is the shop\'s; a completed one is silent', () => {
    const order = (status: string) =>
      verdictOf('https://shop.example/detail-order-sn/ABCD1234EFGH5678', ['订单号：ABCD1234EFGH5678', '订单创建时间：2026-11-28 09:00:00', `订单状态：${status}`]);
    expect(order('异常')).toMatchObject({ kind: 'payment_error', responsibility: 'platform', reasonCode: 'order_failed_by_shop' });
    expect(order('处理失败')).toMatchObject({ kind: 'payment_error', responsibility: 'platform' });
    expect(order('已完成').kind).toBe('none');
  });
});

describe('phrases that are talked about, not said', () => {
  it.each([
    '如遇支付网关异常，请稍后重试或联系客服',
    '如支付后订单未更新，请勿重复支付，联系商家处理',
    '1. 近期微信支付通道维护中，请优先使用支付宝付款。',
    '为什么付款时提示“签名校验失败”？',
    'What does "Payment gateway exception!" mean?',
    'Q: 提示余额不足怎么办',
    '余额不足时请先充值再购买',
    '若库存不足，系统将自动退款',
  ])('silent on: %s', (line) => {
    expect(verdictOf('https://shop.example/pay/x', ['星河发卡', line, '首页']).kind).toBe('none');
  });

  it('ignores announcements and articles even when the line is short', () => {
    for (const hint of ['notice', 'article'] as const) {
      expect(verdictOf('https://shop.example/', [{ text: '支付网关异常', hints: [hint] }]).kind).toBe('none');
    }
  });

  it('a success message is not an already-paid error', () => {
    expect(verdictOf('https://shop.example/query', [{ text: '订单已支付成功', hints: ['alert'] }]).kind).toBe('none');
  });
});

describe('page role', () => {
  it('tells a provider page from the shop', () => {
    const role = (url: string, heading = '') =>
      pageRole({ url: safeUrl(url), snapshot: snapshot(url, heading ? [{ text: heading, tag: 'h3', hints: ['heading'] }] : []) });
    expect(role(EPAY)).toBe('provider');
    expect(role('https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb')).toBe('provider');
    expect(role('https://any.example/whatever', '站点提示信息')).toBe('provider');
    expect(role('https://shop.example/pay/alipay/zfbf2f/ABCD')).toBe('shop');
  });
});

describe('words a page also prints as plain labels', () => {
  it('a stock or balance label beside a product is not a refusal; the same words raised are', () => {
    const product = ['Steam 充值卡', '¥103.00', '库存不足', '钱包余额不足 ¥12.40'];
    expect(verdictOf('https://shop.example/item/1', product).kind).toBe('none');
    expect(verdictOf('https://shop.example/item/1', [...product.slice(0, 2), { text: '库存不足', hints: ['toast'] }]).kind).toBe('payment_error');
  });

  it('a help centre topic headed 支付失败 is not a failure', () => {
    const help = [{ text: '支付失败', tag: 'h3', hints: ['heading' as const] }, '付款后页面没有跳转、提示超时或银行扣款后订单未更新，都可能出现这种情况。'.repeat(20)];
    expect(verdictOf('https://shop.example/help', help).kind).toBe('none');
  });
});
