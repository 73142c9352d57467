import { describe, expect, it } from 'vitest';
import { isPageReadRequest } from '../../../src/messages/validate-message';
import { isShopProfileRequest } from '../../../src/messages/validate-shop-messages';
import { snapshot } from '../../helpers/snapshot';

// "This shop" reads a page's pay and contact links; they arrive inside the page's reading and are
// checked there. The popup asks by tab id.

const page = snapshot('https://shop.example/buy/1', ['支付方式：易支付-支付宝', '未使用的卡密 7 天内可申请退款。']);
const reading = {
  type: 'page:read',
  seq: 1,
  docToken: 'doc-1',
  snapshot: page,
  links: [{ text: '立即支付', href: 'https://pay.example/submit.php?pid=1' }, { text: '', href: 'mailto:kefu@shop.example' }, { text: 'TG', href: 'tg://resolve?domain=shop' }],
};

describe("a page's links for this shop are checked field by field", () => {
  it('accepts what the reader sends', () => {
    expect(isPageReadRequest(reading)).toBe(true);
    expect(isPageReadRequest({ ...reading, links: [] })).toBe(true);
  });

  it('refuses script links, oversized texts and lists, a missing list', () => {
    const forged = [
      { ...reading, links: [{ text: 'x', href: 'javascript:alert(1)' }] },
      { ...reading, links: [{ text: 'x', href: 'data:text/html,<b>' }] },
      { ...reading, links: [{ text: 'x'.repeat(61), href: 'https://shop.example/' }] },
      { ...reading, links: [{ text: 'x', href: `https://shop.example/${'a'.repeat(500)}` }] },
      { ...reading, links: Array.from({ length: 31 }, () => ({ text: '', href: 'https://shop.example/' })) },
      { ...reading, links: [{ href: 'https://shop.example/' }] },
      { ...reading, links: undefined },
    ];
    for (const message of forged) expect(isPageReadRequest(message), JSON.stringify(message.links)?.slice(0, 100)).toBe(false);
  });

  it('the popup asks by tab id only', () => {
    expect(isShopProfileRequest({ tabId: 7 })).toBe(true);
    for (const bad of [{ tabId: -1 }, { tabId: 1.5 }, { tabId: '7' }, {}, null]) expect(isShopProfileRequest(bad)).toBe(false);
  });
});
