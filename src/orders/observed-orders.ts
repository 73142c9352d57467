import { extractFacts } from '../detect/facts/extract-facts';
import type { PageSnapshot, TextBlock } from '../detect/page-snapshot';
import type { OrderSighting } from './order-record';

// Which orders a page shows. An order detail or payment page shows one; query results and
// user-centre lists show several, one card or row each, every one opening with its order-number
// label. Each part is read with the same fact extractor detection uses.

const ORDER_LABEL_LINE = /^(订单号|订单编号|订单号码|商户订单号|Order\s*(?:number|No\.?|ID|SN))\s*[:：]?/i;
const PRODUCT = /^(订单名称|商品名称|商品|Product|Item)\s*[:：]\s*(.{1,80})$/i;
const MAX_ORDERS = 50;

export function observedOrders(snapshot: Pick<PageSnapshot, 'url' | 'blocks'>): OrderSighting[] {
  const blocks = snapshot.blocks.filter((b) => !b.hints.includes('article') && !b.hints.includes('notice'));
  const lines = blocks.flatMap((block) => block.text.split('\n')).map((line) => line.trim()).filter(Boolean);
  const starts = lines.flatMap((line, i) => (ORDER_LABEL_LINE.test(line) ? [i] : []));
  const parts =
    starts.length <= 1
      ? [{ url: snapshot.url, lines }]
      : starts.slice(0, MAX_ORDERS).map((start, k) => ({ url: '', lines: lines.slice(start, starts[k + 1] ?? lines.length) }));
  const seen = new Set<string>();
  const out: OrderSighting[] = [];
  for (const part of parts) {
    const block: TextBlock = { text: part.lines.join('\n'), tag: 'div', hints: [] };
    const facts = extractFacts({ url: part.url, blocks: [block] });
    if (!facts.orderId || seen.has(facts.orderId)) continue;
    seen.add(facts.orderId);
    out.push({ ...facts, orderId: facts.orderId, product: productOf(part.lines) });
  }
  return out;
}

function productOf(lines: readonly string[]): string | null {
  for (const line of lines) {
    const match = PRODUCT.exec(line);
    if (match) return match[2]!.trim();
  }
  return null;
}
