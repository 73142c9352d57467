// Detection reads a page in depth only where it looks like a shop, an order or a payment gateway,
// so PayWitness does not study every page a person visits. The content script asks this first with
// what is free to get (URL, title, the first few thousand characters of body text) and reads the
// page's visible text only when the answer is yes; the user's allow list and deny list come first.
import { safeUrl } from '../shared/safe-url';

// The gate asks these on every http(s) page, most often in a renderer that has never run them (the
// first page of each site), where V8 compiles each pattern on its first use: ~0.06 ms a pattern, and
// ~0.2–0.3 ms for a case-insensitive one with letters or classes in it, against ~0.002 ms for a
// `includes` (scratch probes, fresh renderers). So every signal names the words any match of its
// pattern must contain, its pattern is asked only of a text that has one of them (most pages have
// none), and no pattern carries the `i` flag: where case must not matter, words and pattern are
// written in lower case and asked of a lowered copy (for ASCII letters the two read the same).
// test/unit/detect/shop-signals.test.ts checks over the fixture corpus that no pattern matches
// where its words are missing.

export interface Signal {
  /** One of these is in every text the pattern matches (and, without a pattern, is the signal). */
  words: readonly string[];
  /**
   * Made only when asked: a pattern literal is an object the script's start would make for every
   * page (~0.15 ms for a dozen in a fresh world), and on most pages no pattern is ever asked.
   */
  pattern?: () => RegExp;
  /** Words and pattern are asked of the lowered text. */
  caseless?: boolean;
}

/** Paths and hosts of card shops and payment gateways, asked of the lowered URL: one is enough. */
export const URL_SIGNALS: readonly Signal[] = [
  // 易支付 / epay and clones
  { words: ['.php'], pattern: () => /\/(submit\d?|mapi|cashier|qrpay|epay)\.php\b/ },
  {
    words: ['pay', 'checkout', 'cashier', 'bill', 'order', 'buy', 'cart', 'recharge', 'chongzhi'],
    pattern: () => /\/(?:[a-z]+[-_])?(pay|payment|checkout|cashier|bill|order|orders|buy|cart|recharge|chongzhi)(\/|$|\?|-|_|\.)/,
  },
  // dujiaoka, epusdt
  { words: ['order', 'pay-gateway', 'checkout-counter'], pattern: () => /\/(detail-order-sn|pay-gateway|checkout-counter|searchorder|search-order|orderinfo)\b/ },
  // 卡盟 / gateways
  { words: ['mod=query', 'trade', 'order', 'payid'], pattern: () => /[?&](mod=query|out_trade_no=|trade_no=|order_sn=|orderid=|tradeno=|orderno=|order_no=|payid=)/ },
  // V免签 createOrder, APIs
  { words: ['order', 'pay'], pattern: () => /\/(?:create|submit|get|query|check|confirm)[-_]?(?:order|pay|payment)s?(?:\/|$|\?|\.)/ },
  // shop-system names in the host
  { words: ['faka', 'kami', 'kameng', 'kashop', 'dujiaoka'], pattern: () => /(^|[./])(faka|kami|kameng|kashop|fakashop|dujiaoka)[a-z0-9-]*\./ },
  // hash-routed shop apps (kamiFaka)
  { words: ['#/'], pattern: () => /#\/(pay|order|buy|checkout)\b/ },
];

/** Payment providers, known by the host alone: asked of the lowered host. */
export const PROVIDER_HOST: Signal = {
  words: ['alipay.com', 'tenpay.com', 'qq.com', 'paypal.com', 'stripe.com', 'coinbase.com'],
  pattern: () => /(^|\.)(alipay\.com|tenpay\.com|wx\.qq\.com|weixin\.qq\.com|paypal\.com|stripe\.com|coinbase\.com)$/,
};

/** Words a shop, order or cashier page is made of: one in the title or two different ones in the text. */
export const TEXT_SIGNALS: readonly Signal[] = [
  { words: ['订单'] },
  { words: ['支付', '付款', '收银台'] },
  { words: ['卡密', '发卡', '卡盟', '发货'] },
  { words: ['充值', '余额'] },
  { words: ['商品', '购买', '下单', '库存'] },
  { words: ['退款', '售后'] },
  // USDT counts in capitals only
  { words: ['¥', '￥', '元', '$', 'USDT'], pattern: () => /[¥￥]\s?\d|\d+(\.\d{2})?\s?元|\$\s?\d+\.\d{2}|\bUSDT\b/ },
  { words: ['order', 'checkout', 'payment', 'cart', 'refund', 'billing', 'invoice'], pattern: () => /\b(order|checkout|payment|cart|refund|billing|invoice)\b/, caseless: true },
  { words: ['card key', 'cdkey', 'cd-key', 'gift card', 'add to cart', 'buy now', 'pay now'], pattern: () => /\b(card key|cd-?key|gift card|add to cart|buy now|pay now)\b/, caseless: true },
  {
    words: ['支付', '付款', '收款', 'payment', 'checkout'],
    pattern: () => /(支付|付款|收款|payment|checkout).{0,8}(失败|异常|错误|出错|超时|error|failed|declined)/,
    caseless: true,
  },
];

/** A text and its lowered copy, made once however many signals ask. */
export class SignalText {
  private loweredText: string | undefined;
  constructor(readonly text: string) {}
  get lowered(): string {
    return (this.loweredText ??= this.text.toLowerCase());
  }
  has(signal: Signal): boolean {
    const text = signal.caseless ? this.lowered : this.text;
    return signal.words.some((word) => text.includes(word)) && (signal.pattern?.().test(text) ?? true);
  }
}

/**
 * The host of an absolute, lowered URL, or null. Read with a pattern, not the URL parser: a first
 * `new URL()` in the extension's world of a page costs that page the URL class.
 */
function hostOf(loweredUrl: string): string | null {
  return /^[a-z][a-z\d+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]+)/.exec(loweredUrl)?.[1] ?? null;
}

function isProviderHost(loweredUrl: SignalText): boolean {
  // The host is read only from a URL that names a provider somewhere.
  if (!loweredUrl.has({ words: PROVIDER_HOST.words })) return false;
  const host = hostOf(loweredUrl.text);
  return host !== null && new SignalText(host).has(PROVIDER_HOST);
}

function signalsIn(text: string): number {
  const asked = new SignalText(text);
  return TEXT_SIGNALS.filter((signal) => asked.has(signal)).length;
}

export function looksLikeShopPage(url: string, title: string, sample: string): boolean {
  return urlOrTitleSaysShop(url, title) || textSaysShop(title, sample);
}

/** What the URL and title alone say, before any text is read: a yes needs no text. */
export function urlOrTitleSaysShop(url: string, title: string): boolean {
  const loweredUrl = new SignalText(url.toLowerCase());
  return isProviderHost(loweredUrl) || URL_SIGNALS.some((signal) => loweredUrl.has(signal)) || signalsIn(title) >= 1;
}

/** Two different signals in the title and the first few thousand characters of text. */
export function textSaysShop(title: string, sample: string): boolean {
  return signalsIn(`${title}\n${sample.slice(0, 4000)}`) >= 2;
}

export interface SiteLists {
  siteAllowList: readonly string[];
  siteDenyList: readonly string[];
}

/** "shop.example" on a list covers shop.example and every subdomain of it. */
export function hostOnList(hostname: string, list: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return list.some((entry) => {
    const listed = entry.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
    return listed.length > 0 && (host === listed || host.endsWith(`.${listed}`));
  });
}

/** The user's word first: denied sites are never read, allowed ones always are; else page signals. */
export function shouldWatchPage(url: string, title: string, sample: string, lists: SiteLists): boolean {
  const parsed = safeUrl(url);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return false;
  if (hostOnList(parsed.hostname, lists.siteDenyList)) return false;
  if (hostOnList(parsed.hostname, lists.siteAllowList)) return true;
  return looksLikeShopPage(url, title, sample);
}

