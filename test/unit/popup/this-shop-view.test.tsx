// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { RefundPromisesCard } from '../../../src/popup/refund-promises-card';
import { ThisShopView } from '../../../src/popup/this-shop';
import { ICP_LOOKUP_URL } from '../../../src/popup/shop-lookup-links';
import { BADGE_RULES } from '../../../src/shop/shop-badge';
import { PAGE_PARTS } from '../../../src/shop/page-part';
import { PROVINCE_CODES } from '../../../src/shop/provinces';
import { readShopFacts } from '../../../src/shop/shop-page-facts';
import { shopProfile, type ShopProfileInput } from '../../../src/shop/shop-profile';
import { capture } from '../../helpers/case-builders';
import { renderRoot } from '../../helpers/render-root';
import { snapshot } from '../../helpers/snapshot';

vi.mock('webextension-polyfill', async () => {
  const { localeGetMessage } = await import('../../helpers/locale-messages');
  return { default: { i18n: { getMessage: localeGetMessage('en') } } };
});

const NOW = new Date('2026-11-28T12:00:00+08:00');
const page = snapshot('https://shop.example/buy/1', [
  '支付方式：',
  '易支付-支付宝',
  '未使用的卡密 7 天内可申请退款。',
  '售后客服 QQ：10086100 · Telegram：@xinghekefu',
  { text: '© 2024 某某数码工作室 · 华ICP备1234号', tag: 'footer', hints: ['footer'] },
]);
const input = (overrides: Partial<ShopProfileInput> = {}): ShopProfileInput => ({
  site: 'shop.example', now: NOW, captures: [], texts: new Map(), orders: [], deadlines: [], stallThresholdHours: 24,
  page: { url: page.url, title: '商品', readAt: NOW.toISOString(), facts: readShopFacts(page, [], null) },
  ...overrides,
});

const rootOf = renderRoot();

describe('the "this shop" section', () => {
  it('names the rule that set the badge, says where each signal was read, and links to the lookup only as a link', () => {
    const root = rootOf();
    render(<ThisShopView profile={shopProfile(input())} />, root);
    const text = root.textContent!;
    for (const shown of [
      'This shop: shop.example',
      'The ICP number on the page is not well-formed',
      'Toolbar badge: amber, because the ICP number shown is not well-formed.',
      'does not start with a province abbreviation',
      "Seen in: this page's footer",
      '未使用的卡密 7 天内可申请退款。',
      'On this page, not kept yet',
      'QQ: 10086100',
      'Telegram: @xinghekefu',
    ]) expect(text).toContain(shown);
    expect(text).not.toMatch(/[a-z]+_[a-z_]+/);
    const link = root.querySelector<HTMLAnchorElement>('a[href^="https://beian.miit.gov.cn"]')!;
    expect([link.getAttribute('href'), link.target, link.rel]).toEqual([ICP_LOOKUP_URL, '_blank', 'noopener noreferrer']);
  });

  it("on a payment provider's page: no shop signals, only the history of that host", () => {
    const gateway = snapshot('https://pay.example/submit.php?pid=1', [{ text: '站点提示信息', tag: 'h3', hints: ['heading'] }, '签名校验失败，请返回重试！']);
    const failed = capture({ site: 'pay.example', orderId: 'A1' });
    const root = rootOf();
    render(<ThisShopView profile={shopProfile(input({ site: 'pay.example', captures: [failed], page: { url: gateway.url, title: '站点提示信息', readAt: NOW.toISOString(), facts: readShopFacts(gateway, [], null) } }))} />, root);
    const text = root.textContent!;
    expect(text).toContain("payment provider's page");
    expect(text).not.toContain('ICP filing number');
    expect(text).toContain('Unresolved: A1');
  });
});

describe("a case's card of the shop's refund promises", () => {
  it('quotes each promise kept on the site with when and which capture; other terms records are not promises', () => {
    const root = rootOf();
    const promise = capture({ id: 'p-1234567890', kind: 'terms', reasonCode: 'terms_refund_promise', responsibility: null, orderId: null, message: '充值失败自动退款', title: '公告 | 星河发卡' });
    const agreement = capture({ kind: 'terms', reasonCode: 'terms_agreement', responsibility: null, orderId: null, message: '用户协议' });
    render(<RefundPromisesCard captures={[capture({}), agreement, promise]} />, root);
    expect([...root.querySelectorAll('blockquote')].map((node) => node.textContent)).toEqual(['充值失败自动退款']);
    for (const shown of ['Kept as evidence', '公告 | 星河发卡', 'Capture p-123456']) expect(root.textContent).toContain(shown);
    render(<RefundPromisesCard captures={[agreement]} />, root);
    expect(root.textContent).toBe('');
  });
});

describe('every message the shop views and badge build from a code exists in both languages', () => {
  const keys = [
    ...BADGE_RULES.flatMap(({ rule, level }) => [`badgeRule_${rule}`, `badgeLevel_${level}`, `advice_${rule}`]),
    ...['aggregator', 'crypto_only', 'escrow', 'promise_kept', 'not_read', 'keep_order'].map((advice) => `advice_${advice}`),
    ...['no_province', 'unknown_province', 'digit_count', 'future_year'].map((problem) => `icpProblem_${problem}`),
    ...PROVINCE_CODES.map((code) => `province_${code}`),
    ...['support_link', 'qq', 'qq_group', 'telegram', 'wechat', 'email'].map((kind) => `contact_${kind}`),
    ...['alipay', 'wechat', 'qq_wallet', 'unionpay', 'paypal', 'crypto', 'balance'].flatMap((method) => [`payment_${method}`, `paymentMeaning_${method}`]),
    ...['offered', 'refused'].map((state) => `escrow_${state}`),
    ...['epay', 'mapay', 'vmq', 'payjs', 'xunhu', 'unnamed'].map((kind) => `aggregator_${kind}`),
    ...PAGE_PARTS.map((part) => `where_page_${part}`),
    'reason_terms_refund_promise',
  ];
  for (const locale of ['zh_CN', 'en']) {
    it(locale, () => {
      const messages = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, unknown>;
      expect(keys.filter((key) => !(key in messages))).toEqual([]);
    });
  }
});
