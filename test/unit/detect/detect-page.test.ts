import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/detect/detect-page';
import { snapshot } from '../../helpers/snapshot';

const SHOP = 'https://shop.example';

describe('detectPage: the spine rules', () => {
  it('dujiaoka gateway error page → payment_error, platform', () => {
    const verdict = detectPage(
      snapshot(`${SHOP}/pay-gateway/wx/wxpay/ABCDEFGH12345678`, [
        { text: '出现错误了哟~：', tag: 'h4' },
        '似乎遇到了一点问题~',
        { text: '支付网关异常！Get Wechat API Error:签名错误', tag: 'h5', hints: ['alert'] },
        '返回',
      ]),
    );
    expect(verdict).toMatchObject({
      kind: 'payment_error',
      responsibility: 'platform',
      // The relayed detail names the cause: WeChat refused the shop's signature.
      reasonCode: 'provider_refused_shop',
      message: '支付网关异常！Get Wechat API Error:签名错误',
      orderId: 'ABCDEFGH12345678',
    });
  });

  it('易支付 signature failure on submit.php → provider refused the shop (platform)', () => {
    const verdict = detectPage(
      snapshot('https://pay.example/submit.php?pid=1001&out_trade_no=2026112810000123&money=25.00&sign=x', [
        { text: '站点提示信息', tag: 'h3' },
        { text: '签名校验失败，请返回重试！', tag: 'body', hints: ['alert'] },
      ]),
    );
    expect(verdict).toMatchObject({
      kind: 'payment_error',
      responsibility: 'platform',
      reasonCode: 'provider_refused_shop',
      orderId: '2026112810000123',
      amount: 25,
      currency: 'CNY',
    });
  });

  it('an announcement quoting the error stays silent', () => {
    for (const block of [
      { text: '公告：如遇到支付网关异常，请稍后重试或联系客服', hints: ['notice' as const] },
      { text: '如遇到支付网关异常，请稍后重试或联系客服' },
      { text: '常见问题：为什么付款时提示“签名校验失败”？这是商户配置问题，我们已在处理，请耐心等待并关注后续通知。' },
    ]) {
      expect(detectPage(snapshot(`${SHOP}/`, ['星河发卡', block])).kind).toBe('none');
    }
  });

  it('an order still 处理中 30 h after it was created → stalled_order (platform)', () => {
    const verdict = detectPage(
      snapshot(`${SHOP}/detail-order-sn/STALL30HOURS0001`, [
        '订单号：STALL30HOURS0001',
        '订单创建时间：2026-11-27 04:00:00',
        '实际支付价格：￥25.00',
        '订单状态：',
        '处理中',
      ]),
    );
    expect(verdict).toMatchObject({
      kind: 'stalled_order',
      responsibility: 'platform',
      status: '处理中',
      amount: 25,
      currency: 'CNY',
      createdAt: '2026-11-27T04:00:00+08:00',
      message: '处理中 · 30 h',
    });
  });

  it('the same order 10 minutes old is only watched, and the threshold is a setting', () => {
    const page = snapshot(`${SHOP}/detail-order-sn/FRESH10MINS00003`, [
      '订单号：FRESH10MINS00003',
      '订单创建时间：2026-11-28 09:50:00',
      '订单状态：待处理',
    ]);
    expect(detectPage(page)).toMatchObject({ kind: 'order_status', responsibility: null, reasonCode: 'order_open_watching' });
    expect(detectPage(page, { stallThresholdHours: 0.1 })).toMatchObject({ kind: 'stalled_order' });
  });

  it('completed orders are not alarms; nor is an unpaid order merely listed as expired (no money moved)', () => {
    const expired = snapshot(`${SHOP}/detail-order-sn/LATE2DAYSAGO0002`, [
      '订单号：LATE2DAYSAGO0002',
      '订单创建时间：2026-11-26 10:00:00',
      '订单状态：已过期',
    ]);
    expect(detectPage(expired).kind).toBe('none');
    // Raised while the shopper tries to pay it, the same expiry is the shopper's (user_error).
    const paying = snapshot(`${SHOP}/pay/alipay/zfbf2f/LATE2DAYSAGO0002`, [{ text: '订单已过期，请重新下单', hints: ['alert'] }]);
    expect(detectPage(paying)).toMatchObject({ kind: 'user_error', responsibility: 'user', reasonCode: 'order_expired' });
    for (const status of ['已完成', 'Completed', '已退款(平台余额)']) {
      const page = snapshot(`${SHOP}/detail-order-sn/DONE2DAYSAGO0002`, [
        '订单号：DONE2DAYSAGO0002',
        '订单创建时间：2026-11-26 10:00:00',
        `订单状态：${status}`,
      ]);
      expect(detectPage(page).kind).toBe('none');
    }
  });

  it('a product page is silent', () => {
    const verdict = detectPage(
      snapshot(`${SHOP}/buy/1`, [
        '腾讯视频VIP会员 月卡',
        '价格：￥ 10.00',
        '商品描述',
        '若兑换失败请先确认账号类型；未使用的卡密 7 天内可申请退款，已兑换的卡密不支持退款。',
      ]),
    );
    expect(verdict.kind).toBe('none');
  });
});
