import { describe, expect, it } from 'vitest';
import { isShopPageRequest, isShopProfileRequest } from '../../../src/messages/validate-shop-messages';
import { readShopFacts } from '../../../src/shop/shop-page-facts';
import { snapshot } from '../../helpers/snapshot';

const facts = readShopFacts(
  snapshot('https://shop.example/buy/1', [
    { text: '© 2024 杭州星河网络科技有限公司 · 浙ICP备12345678号-1', tag: 'footer', hints: ['footer'] },
    '支付方式：易支付-支付宝',
    '未使用的卡密 7 天内可申请退款。',
    '本站支持担保交易。',
    '联系客服（QQ：10086100）',
  ]),
  [{ text: '立即支付', href: 'https://pay.example/submit.php?pid=1' }],
  { reasonCode: 'terms_agreement', name: '用户协议' },
);
const request = { type: 'shop:page', url: 'https://shop.example/buy/1', title: '商品', facts };

describe('shop messages from a page are checked field by field', () => {
  it('accepts what the content script sends', () => {
    for (const list of [facts.icp, facts.companies, facts.promises, facts.payments, facts.escrow, facts.contacts, facts.aggregators]) expect(list.length).toBeGreaterThan(0);
    expect(isShopPageRequest(request)).toBe(true);
  });

  it('refuses forged shapes, unknown enums, oversized lists and strings, non-web URLs', () => {
    const forged = [
      { ...request, url: 'chrome-extension://abc/popup.html' },
      { ...request, facts: { ...facts, role: 'admin' } },
      { ...request, facts: { ...facts, icp: [{ shown: 'x'.repeat(61), part: 'footer' }] } },
      { ...request, facts: { ...facts, contacts: [{ kind: 'phone', value: '1', part: 'main' }] } },
      { ...request, facts: { ...facts, promises: Array.from({ length: 21 }, () => ({ text: '可退款', part: 'main' })) } },
      { ...request, facts: { ...facts, promises: [{ text: '可退款', part: 'everywhere' }] } },
      { ...request, facts: { ...facts, clauses: [{ rule: 'no_refund', clause: '概不退款', laws: ['penal_code'], part: 'main' }] } },
      { ...request, facts: { ...facts, terms: { reasonCode: 'terms_agreement' } } },
      { ...request, facts: { ...facts, escrow: 'yes' } },
      { ...request, facts: undefined },
      null,
    ];
    for (const message of forged) expect(isShopPageRequest(message), JSON.stringify(message)?.slice(0, 120)).toBe(false);
  });

  it('the popup asks by tab id only', () => {
    expect(isShopProfileRequest({ tabId: 7 })).toBe(true);
    for (const bad of [{ tabId: -1 }, { tabId: 1.5 }, { tabId: '7' }, {}]) expect(isShopProfileRequest(bad)).toBe(false);
  });
});
