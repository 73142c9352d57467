import { describe, expect, it } from 'vitest';
import { isShopPageRequest, isShopProfileRequest } from '../../../src/messages/validate-shop-messages';
import { shopSignalBlocks } from '../../../src/shop/shop-signal-blocks';
import { snapshot } from '../../helpers/snapshot';

const page = snapshot('https://shop.example/buy/1', [
  { text: '© 2024 杭州星河网络科技有限公司 · 浙ICP备12345678号-1', tag: 'footer', hints: ['footer'] },
  '支付方式：易支付-支付宝',
  '未使用的卡密 7 天内可申请退款。',
]);
const request = {
  type: 'shop:page',
  url: page.url,
  title: '商品',
  blocks: shopSignalBlocks(page, false),
  links: [{ text: '立即支付', href: 'https://pay.example/submit.php?pid=1' }, { text: '', href: 'mailto:kefu@shop.example' }],
  terms: null,
};

describe('a shop page report is checked field by field', () => {
  it('accepts what the content script sends', () => {
    expect(request.blocks).toHaveLength(3);
    expect(isShopPageRequest(request)).toBe(true);
    expect(isShopPageRequest({ ...request, terms: { reasonCode: 'terms_agreement', name: '用户协议' } })).toBe(true);
  });

  it('refuses forged shapes, oversized text and lists, unknown hints, script links, non-web pages', () => {
    const block = { text: '可退款', tag: 'div', hints: [] };
    const forged = [
      { ...request, url: 'chrome-extension://abc/popup.html' },
      { ...request, blocks: Array.from({ length: 301 }, () => block) },
      { ...request, blocks: Array.from({ length: 21 }, () => ({ ...block, text: 'x'.repeat(2_000) })) },
      { ...request, blocks: [{ ...block, hints: ['everywhere'] }] },
      { ...request, links: [{ text: 'x', href: 'javascript:alert(1)' }] },
      { ...request, links: [{ text: 'x'.repeat(61), href: 'https://shop.example/' }] },
      { ...request, links: Array.from({ length: 31 }, () => ({ text: '', href: 'https://shop.example/' })) },
      { ...request, terms: { reasonCode: 'terms_agreement' } },
      { ...request, title: undefined },
      { ...request, blocks: undefined },
      null,
    ];
    for (const message of forged) expect(isShopPageRequest(message), JSON.stringify(message)?.slice(0, 100)).toBe(false);
  });

  it('the popup asks by tab id only', () => {
    expect(isShopProfileRequest({ tabId: 7 })).toBe(true);
    for (const bad of [{ tabId: -1 }, { tabId: 1.5 }, { tabId: '7' }, {}]) expect(isShopProfileRequest(bad)).toBe(false);
  });
});
