import { describe, expect, it } from 'vitest';
import { hostOnList, looksLikeShopPage, PROVIDER_HOST, shouldWatchPage, SignalText, TEXT_SIGNALS, URL_SIGNALS, type Signal } from '../../../src/detect/shop-signals';
import { BLIND_ROOT, blindBatches, loadCorpus } from '../../harness/fixture-corpus';

const NO_LISTS = { siteAllowList: [], siteDenyList: [] };

describe('shop signals: which pages are read in depth', () => {
  it('takes card-shop and gateway URLs on the URL alone', () => {
    for (const url of [
      'https://shop.kaxiaomi.top/detail-order-sn/WB5E8R1ZQ4KNX6TP',
      'https://faka.yunmiao.cc/pay/wepay/wescan/B3WQ8ZK1XN6RD4TP',
      'https://pay.yzfpay.cn/submit.php?pid=1023&out_trade_no=Y5QK8XW2ZN7RD1MB',
      'https://pay.yzfpay.cn/cashier.php?trade_no=2026112809412265918',
      'https://www.92kameng.com/?mod=query&data=2849102733',
      'https://kami.jiyunka.cn/#/pay',
      'https://mclient.alipay.com/cashier/mobilepay.htm',
      'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx28',
      'https://checkout.stripe.com/c/pay/cs_live_x',
      'https://digitalvault.gg/checkout/1042',
    ]) {
      expect(looksLikeShopPage(url, '', ''), url).toBe(true);
    }
  });

  it('knows a payment provider by its host alone, not by a host or path that only names it', () => {
    for (const url of ['https://MClient.Alipay.com/h5/x', 'https://user@excashier.alipay.com:443/standard/x', 'https://www.paypal.com/signin']) {
      expect(looksLikeShopPage(url, '', ''), url).toBe(true);
    }
    for (const url of ['https://alipay.com.notes.example/tips', 'https://notes.example/alipay.com', 'https://notes.example/?next=https://alipay.com/', 'https://myalipay.com/']) {
      expect(looksLikeShopPage(url, '', ''), url).toBe(false);
    }
  });

  it('takes a shop page on an ordinary URL by its words', () => {
    expect(looksLikeShopPage('https://example.cn/', '星河发卡 - 自动发货', '商品分类 购买 ¥10.00 卡密自动发货')).toBe(true);
    expect(looksLikeShopPage('https://example.com/', 'NightOwl Keys', 'Buy now $14.99 · Add to cart · Refund policy')).toBe(true);
  });

  it('leaves ordinary sites alone', () => {
    for (const [url, title, sample] of [
      ['https://news.example.com/2026/11/27/weather', '今日天气', '明天多云转晴，气温 3 到 12 度。'],
      ['https://github.com/assimon/dujiaoka/issues/12', 'Issue · dujiaoka', 'Comments and labels'],
      ['https://docs.example.org/guide/intro', 'Getting started', 'Install the CLI and run the first command.'],
      ['https://video.example.com/watch?v=1', '猫咪合集', '播放 点赞 评论 关注'],
    ] as const) {
      expect(looksLikeShopPage(url, title, sample), url).toBe(false);
    }
  });

  it('lets the user allow or deny a site, subdomains included, deny first', () => {
    const lists = { siteAllowList: ['myshop.example'], siteDenyList: ['bank.example'] };
    expect(shouldWatchPage('https://m.myshop.example/', 'home', '', lists)).toBe(true);
    expect(shouldWatchPage('https://pay.bank.example/cashier.php', '收银台', '订单 支付', lists)).toBe(false);
    expect(shouldWatchPage('https://both.example/checkout', '', '', { siteAllowList: ['both.example'], siteDenyList: ['both.example'] })).toBe(false);
    expect(shouldWatchPage('https://news.example.com/', '新闻', '', NO_LISTS)).toBe(false);
    expect(shouldWatchPage('chrome-extension://abc/popup.html', '订单', '支付 订单', NO_LISTS)).toBe(false);
  });

  it('reads URL and text words in any case, except USDT', () => {
    for (const url of ['https://shop.example/SearchOrder', 'https://shop.example/x?TradeNo=1', 'HTTPS://SHOP.EXAMPLE/CHECKOUT', 'https://KAMI.example.cn/']) {
      expect(looksLikeShopPage(url, '', ''), url).toBe(true);
    }
    expect(looksLikeShopPage('https://example.com/', 'Your ORDER', '')).toBe(true);
    expect(looksLikeShopPage('https://example.com/', 'x', 'PAYMENT FAILED')).toBe(true);
    expect(looksLikeShopPage('https://example.com/', 'x', 'Gift Card · CD-KEY · Refund policy')).toBe(true);
    expect(looksLikeShopPage('https://example.com/', 'Pay in USDT', '')).toBe(true);
    expect(looksLikeShopPage('https://example.com/', 'usdt', '')).toBe(false);
    // Words alone are not the signal where a pattern asks for more: "border" has "order" in it.
    expect(looksLikeShopPage('https://example.com/', 'A border town', '')).toBe(false);
    expect(looksLikeShopPage('https://example.com/reorder-list', '', '')).toBe(false);
  });

  // Each pattern is asked only of a text holding one of its signal's words (shop-signals.ts): a word
  // left off the list would turn a page away unread. Every text of the fixture corpora (URLs, whole
  // HTML, lowered or not) is asked both ways.
  it('names, for every pattern, words that every text it matches contains', () => {
    const fixtures = [loadCorpus(), ...blindBatches().map((batch) => loadCorpus(`${BLIND_ROOT}${batch}`))].flat();
    expect(fixtures.length).toBeGreaterThan(400);
    const texts = fixtures.flatMap((fixture) => [fixture.url, fixture.html]);
    const signals: Signal[] = [...URL_SIGNALS, PROVIDER_HOST, ...TEXT_SIGNALS];
    let matched = 0;
    for (const signal of signals) {
      const pattern = signal.pattern?.();
      if (!pattern) continue;
      for (const text of texts) {
        for (const variant of [text, text.toLowerCase()]) {
          // Lines, so a provider host's pattern (anchored at the end) is asked of something.
          for (const line of variant.split('\n')) {
            if (!pattern.test(line)) continue;
            matched++;
            // The signal without its pattern: its words alone, asked as the gate asks them.
            expect(new SignalText(line).has({ words: signal.words, caseless: signal.caseless }), `${pattern} matches ${line.slice(0, 120)}`).toBe(true);
          }
        }
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });

  it('asks a signal with no pattern only for its words, and a pattern only where a word is', () => {
    expect(new SignalText('付款成功').has({ words: ['付款'] })).toBe(true);
    expect(new SignalText('borders').has({ words: ['order'], pattern: () => /\border\b/ })).toBe(false);
    expect(new SignalText('Order now').has({ words: ['order'], pattern: () => /\border\b/, caseless: true })).toBe(true);
    expect(new SignalText('Order now').has({ words: ['order'], pattern: () => /\border\b/ })).toBe(false);
  });

  it('matches list entries by whole host labels only', () => {
    expect(hostOnList('shop.example', ['shop.example'])).toBe(true);
    expect(hostOnList('a.b.shop.example', ['*.shop.example'])).toBe(true);
    expect(hostOnList('notshop.example', ['shop.example'])).toBe(false);
    expect(hostOnList('shop.example.evil', ['shop.example'])).toBe(false);
  });
});
