import { findDuplicateCharges } from '../duplicate-purchases';
import { orderState } from '../facts/order-status';
import type { Detector } from '../detector';

// A purchase-records or order list showing two paid orders of the same amount placed within half
// an hour of each other, with no "deducted twice" wording: the same rule the order tracker applies
// across pages (src/orders/duplicate-charges.ts), applied to the orders this one page shows. Only
// creation times the page prints count, so a monthly card bought every month is not a duplicate.

const CLOSE_IN_TIME_MS = 30 * 60_000;

export const duplicateOrdersListed: Detector = {
  id: 'duplicate-orders-listed',
  detect({ orders }) {
    if (orders.length < 2) return null;
    const records = orders
      .filter((order) => order.createdAt)
      .map((order) => ({ ...order, site: '', state: orderState(order.status), createdAt: order.createdAt!, createdAtFrom: 'page' as const }));
    const byId = new Map(records.map((record) => [record.orderId, record]));
    const group = findDuplicateCharges(records).find((candidate) => {
      const times = candidate.orderIds.map((id) => Date.parse(byId.get(id)!.createdAt));
      return Math.max(...times) - Math.min(...times) <= CLOSE_IN_TIME_MS;
    });
    if (!group) return null;
    const first = byId.get(group.orderIds[0]!)!;
    return {
      kind: 'duplicate_charge',
      responsibility: group.responsibility,
      reasonCode: group.reasonCode,
      message: group.orderIds.join(' · '),
      relatedOrderIds: group.orderIds,
      facts: { orderId: first.orderId, amount: first.amount, currency: first.currency, status: first.status, createdAt: first.createdAt },
    };
  },
};
