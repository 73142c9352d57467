import type { PageSnapshot, TextBlock } from '../page-snapshot';
import { tableRows } from '../table-rows';
import type { OrderFacts } from '../verdict';
import { extractFacts } from './extract-facts';
import { FACT_LABELS } from './labelled-values';

// Which orders a page shows, each with its own facts. An order detail or payment page shows one
// (the page's facts); query results, "my orders" and purchase-record lists show several — one table
// row, or one card opening with its order-number label, each. The verdict of a list names the
// order that is failing or stalled, not whichever came first.

export interface ShownOrder extends OrderFacts {
  orderId: string;
  product: string | null;
}

const ORDER_LABEL_LINE = /^(订单号|订单编号|订单号码|商户订单号|订单ID|Order\s*(?:number|No\.?|ID|SN|#))\s*[:：#]?/i;
const PRODUCT_LINE = /^(订单名称|商品名称|商品|宝贝|Product|Item)\s*[:：]\s*(.{1,80})$/i;
const PRODUCT_COLUMN = /^(订单名称|商品(?:名称)?|名称|宝贝|product|item|description)$/i;
const QUIET = new Set(['article', 'notice', 'nav', 'footer']);
const MAX_ORDERS = 50;

export function pageOrders(snapshot: Pick<PageSnapshot, 'url' | 'blocks'>): ShownOrder[] {
  const blocks = snapshot.blocks.filter((block) => !block.hints.some((hint) => QUIET.has(hint)) && !block.surface);
  const fromTable = tableOrders(blocks);
  if (fromTable.length >= 2) return fromTable;
  const fromCards = cardOrders(blocks);
  if (fromCards.length >= 2) return fromCards;
  const single = extractFacts(snapshot);
  return single.orderId ? [{ ...single, orderId: single.orderId, product: productOf(lines(blocks)) }] : [];
}

/** One order per row of a table whose header names an order-number column. */
function tableOrders(blocks: readonly TextBlock[]): ShownOrder[] {
  const out: ShownOrder[] = [];
  for (const row of tableRows(blocks)) {
    if (!row.headers.some((header) => FACT_LABELS.orderId.test(header) || /^(订单|单号|order\s*#?)$/i.test(header))) continue;
    const pairs = row.headers.map((header, k) => `${header}：${row.cells[k] ?? ''}`);
    const facts = extractFacts({ url: '', blocks: [{ text: pairs.join('\n'), tag: 'div', hints: [] }] });
    if (!facts.orderId) continue;
    const productColumn = row.headers.findIndex((header) => PRODUCT_COLUMN.test(header));
    out.push({ ...facts, orderId: facts.orderId, product: productColumn >= 0 ? (row.cells[productColumn] ?? null) : null });
  }
  return unique(out);
}

/** One order per card: each opens with its order-number label. */
function cardOrders(blocks: readonly TextBlock[]): ShownOrder[] {
  const all = lines(blocks);
  const starts = all.flatMap((line, i) => (ORDER_LABEL_LINE.test(line) ? [i] : []));
  if (starts.length < 2) return [];
  const out: ShownOrder[] = [];
  for (const [k, start] of starts.slice(0, MAX_ORDERS).entries()) {
    const part = all.slice(start, starts[k + 1] ?? all.length);
    const facts = extractFacts({ url: '', blocks: [{ text: part.join('\n'), tag: 'div', hints: [] }] });
    if (facts.orderId) out.push({ ...facts, orderId: facts.orderId, product: productOf(part) });
  }
  return unique(out);
}

function lines(blocks: readonly TextBlock[]): string[] {
  return blocks.flatMap((block) => block.text.split('\n')).map((line) => line.trim()).filter(Boolean);
}

function productOf(part: readonly string[]): string | null {
  for (const line of part) {
    const match = PRODUCT_LINE.exec(line);
    if (match) return match[2]!.trim();
  }
  return null;
}

function unique(orders: ShownOrder[]): ShownOrder[] {
  const seen = new Set<string>();
  return orders.filter((order) => !seen.has(order.orderId) && seen.add(order.orderId)).slice(0, MAX_ORDERS);
}
