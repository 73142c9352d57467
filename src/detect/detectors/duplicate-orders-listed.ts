import { findDuplicateCharges, type DuplicateInput } from '../duplicate-purchases';
import { parseMoney } from '../facts/amount';
import { orderState } from '../facts/order-status';
import { parseShownTime } from '../facts/shown-time';
import type { Detector, Finding, PageView } from '../detector';
import { tableRows } from '../table-rows';

// A purchase-records list, order list or balance log showing two paid purchases of the same amount
// made within half an hour of each other, with no "deducted twice" wording: the same rule the order
// tracker applies across pages (src/detect/duplicate-purchases.ts), applied to what this one page
// shows. Only times the page prints count, so a monthly card bought every month is no duplicate.
// A balance log may show no order numbers at all: two identical charges seconds apart are the
// shape of a double charge there too.

const CLOSE_IN_TIME_MS = 30 * 60_000;
const CHARGE_CELL = /^(消费|支出|扣款|扣费|购买|下单|付款|payment|purchase|charge|debit)$/i;
const NEGATIVE = /^[-−]\s*\S/;
const QUIET = new Set(['notice', 'nav', 'footer']);

export const duplicateOrdersListed: Detector = {
  id: 'duplicate-orders-listed',
  detect(page) {
    return chargedTwice(page) ?? fromOrders(page) ?? fromLedger(page);
  },
};

/** A balance log charging one order number twice: the shop took the money twice for one purchase. */
function chargedTwice({ orders }: PageView): Finding | null {
  const order = orders.find((candidate) => (candidate.chargedTimes ?? 0) >= 2);
  if (!order) return null;
  return {
    kind: 'duplicate_charge',
    responsibility: 'platform',
    reasonCode: 'charged_twice_one_order',
    message: `${order.orderId} × ${order.chargedTimes}`,
    relatedOrderIds: [order.orderId],
    facts: { orderId: order.orderId, amount: order.amount, currency: order.currency, status: order.status, createdAt: order.createdAt },
  };
}

function fromOrders({ orders }: PageView): Finding | null {
  if (orders.length < 2) return null;
  const records = orders
    .filter((order) => order.createdAt)
    // A ledger row paying for an order, with no status shown, is a paid order whose delivery the page does not tell.
    .map((order) => ({ ...order, site: '', state: orderState(order.status) ?? (order.charged ? ('processing' as const) : null), createdAt: order.createdAt!, createdAtFrom: 'page' as const }));
  const group = closeGroup(records);
  if (!group) return null;
  const first = records.find((record) => record.orderId === group.orderIds[0])!;
  return {
    kind: 'duplicate_charge',
    responsibility: group.responsibility,
    reasonCode: group.reasonCode,
    message: group.orderIds.join(' · '),
    relatedOrderIds: group.orderIds,
    facts: { orderId: first.orderId, amount: first.amount, currency: first.currency, status: first.status, createdAt: first.createdAt },
  };
}

/** Charge rows of a balance log without order numbers: the same amount for the same thing. */
function fromLedger({ snapshot }: PageView): Finding | null {
  const rows = tableRows(snapshot.blocks.filter((block) => !block.hints.some((hint) => QUIET.has(hint))));
  const records: Array<DuplicateInput & { line: string }> = [];
  rows.forEach((row, index) => {
    if (!row.cells.some((cell) => CHARGE_CELL.test(cell) || NEGATIVE.test(cell))) return;
    const time = row.cells.map(parseShownTime).find(Boolean);
    const money = row.cells.map((cell, column) => (/金额|amount|price|支出/i.test(row.headers[column] ?? '') ? parseMoney(cell) : null)).find(Boolean);
    const description = row.cells.filter((cell) => /[\p{L}]{4,}/u.test(cell) && !CHARGE_CELL.test(cell)).sort((a, b) => b.length - a.length)[0];
    if (!time || !money || !description) return;
    records.push({ site: '', orderId: `row-${index + 1}`, amount: money.amount, currency: money.currency, product: description, state: 'processing', createdAt: time, createdAtFrom: 'page', line: row.cells.join(' | ') });
  });
  const group = closeGroup(records, true);
  if (!group) return null;
  const lines = records.filter((record) => group.orderIds.includes(record.orderId)).map((record) => record.line);
  const first = records.find((record) => record.orderId === group.orderIds[0])!;
  return {
    kind: 'duplicate_charge',
    responsibility: null,
    reasonCode: 'duplicate_charge_unclear',
    message: lines.slice(0, 3).join(' · '),
    facts: { orderId: null, amount: first.amount, currency: first.currency, status: null, createdAt: first.createdAt },
  };
}

/** A duplicate group whose members were all made within the window (and, for ledger rows, for the same thing). */
function closeGroup(records: readonly DuplicateInput[], sameThing = false) {
  const byId = new Map(records.map((record) => [record.orderId, record]));
  return findDuplicateCharges(records).find((candidate) => {
    const members = candidate.orderIds.map((id) => byId.get(id)!);
    const times = members.map((member) => Date.parse(member.createdAt));
    const close = Math.max(...times) - Math.min(...times) <= CLOSE_IN_TIME_MS;
    return close && (!sameThing || members.every((member) => member.product === members[0]!.product));
  });
}
