// Detection reads a page in depth only where it looks like a shop, an order or a payment gateway,
// so PayWitness does not study every page a person visits. The content script asks this first with
// what is free to get (URL, title, the first few thousand characters of body text) and reads the
// page's visible text only when the answer is yes; the user's allow list and deny list come first.
import { safeUrl } from '../shared/safe-url';

/** Paths and hosts of card shops and payment gateways: one is enough. */
const URL_SIGNALS: readonly RegExp[] = [
  /\/(submit\d?|mapi|cashier|qrpay|epay)\.php\b/i, // 易支付 / epay and clones
  /\/(?:[a-z]+[-_])?(pay|payment|checkout|cashier|bill|order|orders|buy|cart|recharge|chongzhi)(\/|$|\?|-|_|\.)/i,
  /\/(detail-order-sn|pay-gateway|checkout-counter|searchOrder|search-order|orderinfo)\b/i, // dujiaoka, epusdt
  /[?&](mod=query|out_trade_no=|trade_no=|order_sn=|orderid=|tradeNo=|orderNo=|order_no=|payId=)/i, // 卡盟 / gateways
  /\/(?:create|submit|get|query|check|confirm)[-_]?(?:order|pay|payment)s?(?:\/|$|\?|\.)/i, // V免签 createOrder, APIs
  /(^|[./])(faka|kami|kameng|kashop|fakashop|dujiaoka)[a-z0-9-]*\./i, // shop-system names in the host
  /#\/(pay|order|buy|checkout)\b/i, // hash-routed shop apps (kamiFaka)
];
const PROVIDER_HOSTS = /(^|\.)(alipay\.com|tenpay\.com|wx\.qq\.com|weixin\.qq\.com|paypal\.com|stripe\.com|coinbase\.com)$/i;

/** Words a shop, order or cashier page is made of: one in the title or two different ones in the text. */
const TEXT_SIGNALS: readonly RegExp[] = [
  /订单/,
  /支付|付款|收银台/,
  /卡密|发卡|卡盟|自动发货|发货/,
  /充值|余额/,
  /商品|购买|下单|库存/,
  /退款|售后/,
  /[¥￥]\s?\d|\d+(\.\d{2})?\s?元|\$\s?\d+\.\d{2}|\bUSDT\b/,
  /\b(order|checkout|payment|cart|refund|billing|invoice)\b/i,
  /\b(card key|cd-?key|gift card|add to cart|buy now|pay now)\b/i,
  /(支付|付款|收款|payment|checkout).{0,8}(失败|异常|错误|出错|超时|error|failed|declined)/i,
];

/**
 * The host of an absolute URL, or null. Read with a pattern, not the URL parser: the gate asks this on
 * every http(s) page, and a first `new URL()` in the extension's world of a page costs that page the
 * URL class (~0.04 ms of a ~0.7 ms look).
 */
function hostOf(url: string): string | null {
  return /^[a-z][a-z\d+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url)?.[1] ?? null;
}

export function looksLikeShopPage(url: string, title: string, sample: string): boolean {
  const host = hostOf(url);
  if (host !== null && (PROVIDER_HOSTS.test(host) || URL_SIGNALS.some((signal) => signal.test(url)))) return true;
  const inTitle = TEXT_SIGNALS.filter((signal) => signal.test(title)).length;
  const text = `${title}\n${sample.slice(0, 4000)}`;
  const inText = TEXT_SIGNALS.filter((signal) => signal.test(text)).length;
  return inTitle >= 1 || inText >= 2;
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

