import { describe, expect, it } from 'vitest';
import { lookAtPage } from '../../../src/content/page-gate';

// The gate's look in plain objects: what it asks of the document, and in what order. A page whose
// URL or title already says shop, order or gateway is let through without its text being walked
// (in a fresh extension world the walk is the dearest part of the look).

/** A document with the given URL and title whose text, if walked, is `texts` (and the walk is counted). */
function fakeDocument(url: string, title: string, texts: string[] = []) {
  const walked = { count: 0 };
  const doc = {
    URL: url,
    title,
    createTreeWalker() {
      walked.count++;
      let i = 0;
      return { nextNode: () => (i < texts.length ? { nodeValue: texts[i++] } : null) };
    },
  } as unknown as Document;
  return { doc, walked };
}

describe('the gate looks at the URL and title before the text', () => {
  it('lets a page through on its URL or title alone, without walking its text', () => {
    for (const [url, title] of [
      ['https://shop.example/pay-gateway/wx/ABC123', ''],
      ['https://example.cn/', '订单详情 - 星河发卡'],
      ['https://openapi.alipay.com/gateway.do', 'x'],
    ]) {
      const { doc, walked } = fakeDocument(url!, title!);
      expect(lookAtPage(doc), url).toEqual({ shop: true, fullSample: true });
      expect(walked.count, url).toBe(0);
    }
  });

  it('walks the text when URL and title say nothing, and decides by two signals in it', () => {
    const shop = fakeDocument('https://example.cn/', '星河', ['商品分类', '购买 ¥10.00', '卡密自动发货']);
    expect(lookAtPage(shop.doc).shop).toBe(true);
    expect(shop.walked.count).toBe(1);

    const article = fakeDocument('https://blog.example/post/1', 'A walk in the hills', ['We walked up the hill.', 'It rained.']);
    expect(lookAtPage(article.doc)).toEqual({ shop: false, fullSample: false });
    expect(article.walked.count).toBe(1);
  });

  it('never looks at a page that is not http(s)', () => {
    const { doc, walked } = fakeDocument('file:///home/me/order.html', '订单');
    expect(lookAtPage(doc)).toEqual({ shop: false, fullSample: true });
    expect(walked.count).toBe(0);
  });
});
