import type { PageSnapshot, TextBlock } from '../page-snapshot';
import { tableRows } from '../table-rows';
import type { OrderFacts } from '../verdict';
import { toSimplified } from '../text/traditional-to-simplified';
import { extractFacts } from './extract-facts';
import { isStatusBadge } from './order-status';
import { parseShownTime } from './shown-time';
import { FACT_LABELS } from './labelled-values';
import { columnFact } from './table-values';

// Which orders a page shows, each with its own facts. An order detail or payment page shows one
// (the page's facts); query results, "my orders" and purchase-record lists show several — one table
// row, or one card opening with its order-number label, each. The verdict of a list names the
// order that is failing or stalled, not whichever came first.

export interface ShownOrder extends OrderFacts {
  orderId: string;
  product: string | null;
  /** A ledger row that records this order being paid for (消费 / 支出 / a negative amount), where no status is shown. */
  charged?: boolean;
  /** A balance log's entries charging this one order number, when more than one did. */
  chargedTimes?: number;
}

const CHARGE_CELL = /^(消费|支出|扣款|扣费|购买|下单|付款|支付|payment|purchase|charge|debit)$/i;
const NEGATIVE_AMOUNT = /^[-−]\s*(?:[¥￥$]|NT\$|HK\$)?\s*\d/;
// A balance-log entry that pays for a purchase: "购买商品扣款", "余额支付扣款", "消费".
const CHARGE_LINE = /^(?:购买商品|商品购买|订单|余额支付|余额)?(?:消费|扣款|扣费|支出)$/;

const ORDER_LABEL_LINE = /^(订单号|订单编号|订单号码|商户订单号|订单ID|Order\s*(?:number|No\.?|ID|SN|#))\s*[:：#]?/i;
/** "Order GV-76984 · 26/11/2026 14:05": an English card heads with the word and the number itself. */
const ORDER_WORD_LINE = /^Order\s+((?=[A-Za-z0-9_-]*\d)[A-Za-z0-9][A-Za-z0-9_-]{4,63})(?:$|\s)/;
const PRODUCT_LINE = /^(订单名称|商品名称|商品|宝贝|Product|Item)\s*[:：]\s*(.{1,80})$/i;
const PRODUCT_COLUMN = /^(订单名称|商品(?:名称)?|名称|宝贝|说明|描述|product|item|description)$/i;
// An order table inside a WordPress <article> or a shop's content box is still the shop's data.
const QUIET = new Set(['notice', 'nav', 'footer']);
const HASH_ID_LINE = /^[#＃]\s*[A-Za-z0-9][A-Za-z0-9_-]{5,63}$/;
const CANONICAL: Record<string, string> = { orderId: '订单号', amount: '金额', status: '订单状态', createdAt: '创建时间' };
const MAX_ORDERS = 50;

export function pageOrders(snapshot: Pick<PageSnapshot, 'url' | 'blocks'>): ShownOrder[] {
  // A toast's words are no order's facts; a dialog holding an order's table is (a query result in a modal).
  const blocks = snapshot.blocks.filter((block) => !block.hints.some((hint) => QUIET.has(hint)) && (!block.surface || block.hints.includes('table')));
  const fromTable = tableOrders(blocks);
  if (fromTable.length >= 2) return fromTable;
  const fromCards = cardOrders(blocks);
  if (fromCards.length >= 2) return fromCards;
  const single = extractFacts(snapshot);
  return single.orderId ? [{ ...single, orderId: single.orderId, product: productOf(lines(blocks)) }] : [];
}

/** The facts of a page that shows one order, its table row (if any) first. */
export function singleOrderFacts(snapshot: Pick<PageSnapshot, 'url' | 'blocks'>): OrderFacts {
  const page = extractFacts(snapshot);
  const [row] = tableOrders(snapshot.blocks.filter((block) => !block.hints.some((hint) => QUIET.has(hint)) && (!block.surface || block.hints.includes('table'))));
  if (!row || (page.orderId && row.orderId !== page.orderId)) return page;
  return {
    orderId: row.orderId,
    amount: row.amount ?? page.amount,
    currency: row.amount !== null ? row.currency : page.currency,
    status: row.status ?? page.status,
    createdAt: row.createdAt ?? page.createdAt,
  };
}

/** One order per row of a table whose header names an order-number column. */
function tableOrders(blocks: readonly TextBlock[]): ShownOrder[] {
  const out: ShownOrder[] = [];
  for (const row of tableRows(blocks)) {
    if (!row.headers.some((header) => FACT_LABELS.orderId.test(toSimplified(header)) || /^(订单|单号|order\s*#?)$/i.test(toSimplified(header)))) continue;
    // Each column under the label the fact extractor knows it by ("Order" → 订单号, "Placed" → 创建时间).
    const pairs = row.headers.map((header, k) => `${CANONICAL[columnFact(header) ?? 'none'] ?? header}：${row.cells[k] ?? ''}`);
    const facts = extractFacts({ url: '', blocks: [{ text: pairs.join('\n'), tag: 'div', hints: [] }] });
    if (!facts.orderId) continue;
    const productColumn = row.headers.findIndex((header) => PRODUCT_COLUMN.test(toSimplified(header)));
    const charged = row.cells.some((cell) => CHARGE_CELL.test(toSimplified(cell)) || NEGATIVE_AMOUNT.test(cell));
    out.push({ ...facts, orderId: facts.orderId, product: productColumn >= 0 ? (row.cells[productColumn] ?? null) : null, ...(charged ? { charged } : {}) });
  }
  return unique(out);
}

/** One order per card: each opens with its order-number label. */
function cardOrders(blocks: readonly TextBlock[]): ShownOrder[] {
  const all = lines(blocks);
  const labels = all.flatMap((line, i) => (isCardLabel(line) ? [i] : []));
  if (labels.length < 2) return [];
  // acg-faka prints a status badge just above each card's order number; most lists print it after.
  // Which way this list goes is read from the cards themselves, not guessed per card: a badge
  // above is the card's own only where no card shows a status after its number.
  const statusAfter = labels.some((label, k) => all.slice(label + 1, (labels[k + 1] ?? all.length) - 1).some(isStatusBadge));
  const starts = labels.map((i) => (!statusAfter && i > 0 && isStatusBadge(all[i - 1]!) ? i - 1 : i));
  const out: ShownOrder[] = [];
  const charges = new Map<string, number>();
  for (const [k, start] of starts.slice(0, MAX_ORDERS).entries()) {
    const part = all.slice(start, starts[k + 1] ?? all.length);
    const extracted = extractFacts({ url: '', blocks: [{ text: part.join('\n'), tag: 'div', hints: [] }] });
    const facts = extracted.orderId ? extracted : { ...extracted, orderId: ORDER_WORD_LINE.exec(all[labels[k]!]!)?.[1] ?? null, status: part.findLast(isStatusBadge) ?? null };
    if (!facts.orderId) continue;
    // A card prints its time unlabelled more often than not ("订单号：… | 2026-11-27 21:16:47").
    const createdAt = facts.createdAt ?? part.map(parseShownTime).find(Boolean) ?? null;
    const charged = part.some((line) => NEGATIVE_AMOUNT.test(line) || CHARGE_LINE.test(toSimplified(line)));
    if (charged) charges.set(facts.orderId, (charges.get(facts.orderId) ?? 0) + 1);
    out.push({ ...facts, createdAt, orderId: facts.orderId, product: productOf(part), ...(charged ? { charged } : {}) });
  }
  return unique(out).map((order) => ((charges.get(order.orderId) ?? 0) >= 2 ? { ...order, chargedTimes: charges.get(order.orderId)! } : order));
}

function isCardLabel(line: string): boolean {
  return ORDER_LABEL_LINE.test(toSimplified(line)) || HASH_ID_LINE.test(line) || ORDER_WORD_LINE.test(line);
}

function lines(blocks: readonly TextBlock[]): string[] {
  return blocks.flatMap((block) => block.text.split('\n')).map((line) => line.trim()).filter(Boolean);
}

function productOf(part: readonly string[]): string | null {
  for (const line of part) {
    const match = PRODUCT_LINE.exec(toSimplified(line));
    if (match) return line.slice(match.index + match[0].length - match[2]!.length).trim();
  }
  return null;
}

function unique(orders: ShownOrder[]): ShownOrder[] {
  const seen = new Set<string>();
  return orders.filter((order) => !seen.has(order.orderId) && seen.add(order.orderId)).slice(0, MAX_ORDERS);
}
