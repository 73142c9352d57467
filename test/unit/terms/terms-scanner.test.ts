import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/detect/detect-page';
import { documentName } from '../../../src/terms/terms-document';
import { trustSignals } from '../../../src/terms/trust-signals';
import { findUnfairClauses } from '../../../src/terms/unfair-clauses';
import { snapshot } from '../../helpers/snapshot';

const CLAUSES = [
  '一、本站出售的商品均为虚拟商品，请在购买前仔细阅读商品说明，确认无误后再下单付款。',
  '二、如因用户自身原因填写错误的充值账号，导致充值失败的，订单将按照实际情况处理。',
  '三、订单问题请在下单后 24 小时内联系在线客服处理，客服工作时间为每天 9:00 至 22:00。',
];

function termsSnapshot(title: string, heading: string, blocks: string[] = CLAUSES, url = 'https://ka.example/article/1') {
  return { ...snapshot(url, [{ text: heading, tag: 'h1' }, ...blocks]), title };
}

describe('terms page detector', () => {
  it('keeps a user agreement named by its title or heading, with nobody at fault', () => {
    for (const [title, heading] of [
      ['用户协议 - 星河发卡', '星河发卡'],
      ['星河发卡', '《退款政策》'],
      ['Refund Policy | Star Shop', 'Refund Policy'],
      ['购买须知', '购买须知'],
    ] as const) {
      const verdict = detectPage(termsSnapshot(title, heading));
      expect(verdict.kind, `${title} / ${heading}`).toBe('terms');
      expect(verdict.responsibility).toBeNull();
    }
    expect(detectPage(termsSnapshot('星河发卡', '退换货政策')).reasonCode).toBe('terms_refund_policy');
    expect(detectPage(termsSnapshot('用户服务协议', '用户服务协议')).message).toBe('用户服务协议');
  });

  it('stays silent on pages that only mention refunds or agreements in passing', () => {
    const negatives = [
      termsSnapshot('常见问题 - 星河发卡', '常见问题', ['支付失败怎么办？如已扣款，请联系客服申请退款，我们会在 24 小时内处理您的订单。', ...CLAUSES]),
      termsSnapshot('订单详情', '订单详情', ['订单号：ABCDEFGH12345678', '状态：已退款', ...CLAUSES]),
      termsSnapshot('如何写一份好的用户协议？', '如何写一份好的用户协议？从退款条款说起', CLAUSES),
      // A news site's policy does not talk about goods, orders or refunds.
      termsSnapshot('隐私政策', '用户协议', ['我们重视您的隐私。本协议说明我们如何收集、使用和保护您的个人信息以及您享有的相关权利。'.repeat(3)]),
      // A footer link on a short page is not the document.
      termsSnapshot('用户协议', '用户协议', ['请购买']),
    ];
    for (const page of negatives) expect(detectPage(page).kind, page.title).not.toBe('terms');
  });

  it('a page with a payment error is a payment error first', () => {
    const page = termsSnapshot('用户协议', '用户协议');
    page.blocks.splice(1, 0, { text: '支付网关异常！', tag: 'div', hints: ['alert'] });
    expect(detectPage(page).kind).toBe('payment_error');
  });

  it('documentName accepts a name, not a sentence', () => {
    expect(documentName('《用户协议》')).toBe('agreement');
    expect(documentName('Terms of Service - Shop')).toBe('agreement');
    expect(documentName('售后说明')).toBe('refund_policy');
    expect(documentName('请阅读用户协议后再付款')).toBeNull();
    expect(documentName('关于退款政策调整的公告')).toBeNull();
  });
});

describe('findUnfairClauses', () => {
  it('flags each kind of likely-unfair clause with the laws it runs against', () => {
    const text = [
      '本活动最终解释权归星河发卡所有。',
      '虚拟商品一经售出概不退换。',
      '卡密类商品不支持退款；',
      '因支付通道故障造成的损失，本站不承担任何责任。',
      '本站有权随时修改本协议，修改后无需另行通知。',
      '请妥善保管您的卡密。',
    ].join('\n');
    const found = findUnfairClauses(text);
    expect(found.map((clause) => clause.rule)).toEqual(['final_interpretation', 'no_refund', 'no_refund', 'no_liability', 'unilateral_change']);
    expect(found[0]!.laws).toContain('consumer_law_26');
    expect(found[4]!.laws).toEqual(['civil_code_497']);
    expect(found[3]!.clause).toBe('因支付通道故障造成的损失，本站不承担任何责任。');
  });

  it('flags English terms too', () => {
    const found = findUnfairClauses('All sales are final and non-refundable. We may change these terms without notice.');
    expect(found.map((clause) => clause.rule)).toEqual(['no_refund', 'unilateral_change']);
  });

  it('leaves fair clauses alone', () => {
    const fair = [
      '未发货的订单可申请全额退款，款项原路退回。',
      '卡密无法使用的，请在 24 小时内联系客服更换或退款。',
      '本站将在修改本协议前七日通过站内公告通知用户。',
      '因本站原因造成的损失，本站依法承担相应责任。',
    ].join('\n');
    expect(findUnfairClauses(fair)).toEqual([]);
  });
});

describe('trustSignals', () => {
  it('reads ICP number, company and escrow from page text', () => {
    const signals = trustSignals(['首页', '© 2024 杭州星河网络科技有限公司 · 浙ICP备12345678号-1', '支持担保交易，确认收货后放款'], true);
    expect(signals).toEqual({ icp: '浙ICP备12345678号-1', company: '杭州星河网络科技有限公司', escrow: true, termsSeen: true });
  });

  it('reports what is missing, and a denied escrow is not escrow', () => {
    expect(trustSignals(['本站不支持担保交易', 'ICP 备案中'], false)).toEqual({ icp: null, company: null, escrow: false, termsSeen: false });
  });
});
