import { safeUrl } from '../../shared/safe-url';
import type { PageSnapshot, TextBlock } from '../page-snapshot';
import type { OrderFacts } from '../verdict';
import { parseMoney, type Money } from './amount';
import { labelledValues } from './labelled-values';
import { isStatusBadge, orderState } from './order-status';
import { parseShownTime } from './shown-time';
import { tableValues } from './table-values';

// Order ids as the systems print them: dujiaoka's 16-char order_sn, numeric trade numbers of
// acg-faka / zfaka / epay / 卡盟, zfaka's `zlkb…`, kamiFaka's `Order_…`, WooCommerce-style "#1038".
const ORDER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/;

const URL_ORDER_PATHS =
  /\/(?:bill|detail-order-sn|order|orders|query|checkout|checkout-counter|pay-gateway\/[^/]+\/[^/]+|pay\/[^/]+\/[^/]+)\/([A-Za-z0-9_-]{6,64})(?:[/?#]|$)/i;
const URL_ORDER_PARAMS = ['out_trade_no', 'order_sn', 'orderid', 'order_id', 'trade_no', 'orderSn', 'tradeNo', 'orderNo', 'order_no', 'payId', 'orderId'];
// The amount a gateway URL carries (易支付 money, V免签 price, Alipay total_amount) is what the shop asked to charge.
const URL_AMOUNT_PARAMS = ['money', 'total_fee', 'total_amount', 'price', 'amount'];

/** A line that is only an order number: acg-faka's "#135261127213305871", "Order #1038 · …". */
const HASH_ID = /(?:^|\border\s*)#\s*([A-Za-z0-9][A-Za-z0-9_-]{2,63})\b/i;
/** Money printed with its currency, the fallback when no label names the amount. */
const SHOWN_MONEY = /(?:(?:NT\$|HK\$|US\$|[¥￥$])\s*\d[\d,]*(?:\.\d{1,8})?|\d[\d,]*(?:\.\d{1,8})?\s*(?:元|USDT|USD|CNY|TWD|HKD))/i;
const NOT_THE_PRICE = /(余额|balance|已售|库存|满\d|优惠|wallet)/i;
const QUIET_HINTS = new Set(['nav', 'footer', 'article', 'notice']);

export function extractFacts(snapshot: Pick<PageSnapshot, 'url' | 'blocks'>): OrderFacts {
  const blocks = snapshot.blocks;
  const labelled = { ...tableValues(blocks), ...labelledValues(blocks) };
  const url = safeUrl(snapshot.url);
  // The amount a gateway URL carries (易支付 submit.php?money=) is what the shop asked to charge.
  const money = (labelled.amount ? parseMoney(labelled.amount) : null) ?? shownMoney(blocks) ?? urlMoney(url);
  const orderId = pickOrderId(labelled.orderId) ?? hashOrderId(blocks) ?? urlOrderId(url);
  const status = labelled.status ? cleanStatus(labelled.status) : orderId ? badgeStatus(blocks) : null;
  return {
    orderId,
    amount: money?.amount ?? null,
    currency: money?.currency ?? null,
    status,
    createdAt: labelled.createdAt ? parseShownTime(labelled.createdAt) : null,
  };
}

function pickOrderId(value: string | undefined): string | null {
  const token = value?.split(/[\s·|｜]+/)[0]?.replace(/^[#＃]/, '');
  return token && ORDER_ID.test(token) && /\d/.test(token) && (token.length >= 6 || /^\d+$/.test(token)) ? token : null;
}

function urlOrderId(url: URL | null, depth = 0): string | null {
  if (!url) return null;
  for (const name of URL_ORDER_PARAMS) {
    const id = pickOrderId(url.searchParams.get(name) ?? undefined);
    if (id && id.length >= 6) return id;
  }
  const fromPath = pickOrderId(URL_ORDER_PATHS.exec(url.pathname)?.[1]);
  if (fromPath && (fromPath.length >= 6 || /\/checkout\//.test(url.pathname))) return fromPath;
  return stampedPathId(url) ?? carriedOrderId(url, depth);
}

/**
 * Where a gateway carries the shop's order number inside another parameter: Alipay's
 * biz_content JSON ({"out_trade_no":…}), the shop's own return address handed to a WeChat H5
 * cashier (redirect_url=https://shop/…?order_sn=…), zfaka's base64 `oid`.
 */
function carriedOrderId(url: URL, depth: number): string | null {
  const biz = url.searchParams.get('biz_content');
  if (biz) {
    try {
      const content: unknown = JSON.parse(biz);
      const id = content && typeof content === 'object' ? (content as Record<string, unknown>).out_trade_no : undefined;
      if (typeof id === 'string' && pickOrderId(id)) return pickOrderId(id);
    } catch {
      // not JSON: nothing carried
    }
  }
  if (depth === 0) {
    for (const name of ['redirect_url', 'return_url', 'returnUrl', 'callback_url']) {
      const inner = safeUrl(url.searchParams.get(name) ?? '');
      const id = inner && inner.host !== url.host ? urlOrderId(inner, depth + 1) : null;
      if (id) return id;
    }
  }
  const oid = url.searchParams.get('oid');
  if (oid && /^[A-Za-z0-9+/]{12,88}={0,2}$/.test(oid)) {
    const decoded = decodeBase64(oid);
    if (decoded && /\d{8}/.test(decoded)) return pickOrderId(decoded);
  }
  return null;
}

function decodeBase64(value: string): string | null {
  try {
    const text = atob(value);
    return /^[\x21-\x7e]+$/.test(text) ? text : null;
  } catch {
    return null;
  }
}

/**
 * "/qrcode/pay/20261128094107Jd2Rw/wechat": on a pay, order or bill route, a path segment that
 * reads like an order number (most systems stamp the date into it: eight digits or more).
 */
function stampedPathId(url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  const route = segments.findIndex((segment) => /^(?:pay|payment|order|orders|bill|checkout|cashier|qrpay|query|detail|invoice)$/i.test(segment));
  if (route < 0) return null;
  // "/user/pay/order.261128095512307741.1": a route may print the number between dots.
  for (const segment of segments.slice(route + 1, route + 3).flatMap((part) => [part, ...part.split('.')])) {
    const digits = segment.replace(/\D/g, '').length;
    if (segment.length >= 12 && segment.length <= 40 && digits >= 8 && ORDER_ID.test(segment)) return segment;
  }
  return null;
}

function urlMoney(url: URL | null): Money | null {
  if (!url) return null;
  for (const name of URL_AMOUNT_PARAMS) {
    const raw = url.searchParams.get(name);
    if (raw && /^\d+(\.\d+)?$/.test(raw)) return { amount: Number(raw), currency: 'CNY' };
  }
  return null;
}

function visibleLines(blocks: readonly TextBlock[]): string[] {
  return blocks
    .filter((block) => block.tag !== 'th' && !block.hints.some((hint) => QUIET_HINTS.has(hint)))
    .flatMap((block) => block.text.split('\n'))
    .map((line) => line.trim());
}

function hashOrderId(blocks: readonly TextBlock[]): string | null {
  for (const line of visibleLines(blocks)) {
    if (line.length > 120) continue;
    const id = pickOrderId(HASH_ID.exec(line)?.[1]);
    if (id) return id;
  }
  return null;
}

/**
 * acg-faka prints status as bare badges (已付款 … 已发货); the last badge is the latest stage. A
 * toast saying 支付成功 is a message, not the order's badge.
 */
function badgeStatus(blocks: readonly TextBlock[]): string | null {
  let found: string | null = null;
  for (const line of visibleLines(blocks.filter((block) => !block.surface))) if (isStatusBadge(line)) found = line;
  return found;
}

/**
 * Prices are printed with cents ("¥103.00") or on a line of their own ("NT$1,050"); a round
 * "100元" inside other words is more often part of a product name ("Google Play 禮品卡 NT$1,000").
 */
function shownMoney(blocks: readonly TextBlock[]): Money | null {
  let round: Money | null = null;
  let alone: Money | null = null;
  for (const line of visibleLines(blocks)) {
    if (line.length > 160 || NOT_THE_PRICE.test(line)) continue;
    const shown = SHOWN_MONEY.exec(line);
    if (!shown) continue;
    if (/\.\d/.test(shown[0])) return parseMoney(shown[0]);
    if (shown[0].length === line.length) alone ??= parseMoney(shown[0]);
    round ??= parseMoney(shown[0]);
  }
  return alone ?? round;
}

/** "已完成提取卡密" is a badge run into its button: keep the known label when one starts the value. */
function cleanStatus(value: string): string {
  const first = value.split(/\s{2,}|\s[|｜]\s/)[0]!.trim().slice(0, 40);
  if (orderState(first)) return first;
  for (let end = first.length - 1; end >= 2; end--) if (orderState(first.slice(0, end))) return first.slice(0, end);
  return first;
}
