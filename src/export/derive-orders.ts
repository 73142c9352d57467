import type { CaptureEntry } from '../evidence/capture-entry';
import type { OrderRecord } from '../orders/order-record';

export interface OrderSummary {
  site: string;
  orderId: string;
  amount: number | null;
  currency: string | null;
  status: string | null;
  createdAt: string | null;
  firstSeen: string;
  lastSeen: string;
  statusHistory: Array<{ status: string; at: string; captureId: string }>;
  stalled: boolean;
  captureIds: string[];
  /** v1 extension, from the order record when there is one: the product as the page named it. */
  product?: string | null;
  /** v1 extension: the time the stall clock counts from, the page's creation time or else first sight. */
  ageFrom?: { at: string; source: 'page' | 'first_seen' };
  /**
   * v1 extension: every status change the order record saw, including those seen by a plain
   * observation without a capture (`captureId: null`); `statusHistory` keeps only captured ones.
   */
  observedStatusHistory?: Array<{ status: string; at: string; captureId: string | null }>;
}

/**
 * bundle v1 `orders[]`, rebuilt from the captures that saw each order (in chain order), then
 * completed from the order records kept beside the chain: the record saw the order on pages that
 * were not captured, so it knows an earlier first sighting and the latest status.
 */
export function deriveOrders(captures: readonly CaptureEntry[], records: readonly OrderRecord[] = []): OrderSummary[] {
  const fromCaptures = ordersFromCaptures(captures);
  const byKey = new Map(records.map((record) => [`${record.site}\u0000${record.orderId}`, record]));
  return fromCaptures.map((order) => {
    const record = byKey.get(`${order.site}\u0000${order.orderId}`);
    return record ? withRecord(order, record) : order;
  });
}

function withRecord(order: OrderSummary, record: OrderRecord): OrderSummary {
  return {
    ...order,
    amount: record.amount ?? order.amount,
    currency: record.currency ?? order.currency,
    status: record.status ?? order.status,
    createdAt: record.createdAtFrom === 'page' ? record.createdAt : order.createdAt,
    firstSeen: Date.parse(record.firstSeen) < Date.parse(order.firstSeen) ? record.firstSeen : order.firstSeen,
    lastSeen: Date.parse(record.lastSeen) > Date.parse(order.lastSeen) ? record.lastSeen : order.lastSeen,
    stalled: order.stalled || record.watch.stalledNotifiedAt !== null,
    product: record.product,
    ageFrom: { at: record.createdAt, source: record.createdAtFrom },
    observedStatusHistory: record.statusHistory,
  };
}

function ordersFromCaptures(captures: readonly CaptureEntry[]): OrderSummary[] {
  const orders = new Map<string, OrderSummary>();
  for (const capture of captures) {
    if (!capture.orderId) continue;
    const key = `${capture.site}\u0000${capture.orderId}`;
    let order = orders.get(key);
    if (!order) {
      order = {
        site: capture.site,
        orderId: capture.orderId,
        amount: null,
        currency: null,
        status: null,
        createdAt: null,
        firstSeen: capture.capturedAt,
        lastSeen: capture.capturedAt,
        statusHistory: [],
        stalled: false,
        captureIds: [],
      };
      orders.set(key, order);
    }
    order.amount = capture.amount ?? order.amount;
    order.currency = capture.currency ?? order.currency;
    order.createdAt = order.createdAt ?? capture.createdAt;
    order.lastSeen = capture.capturedAt;
    order.captureIds.push(capture.id);
    if (capture.kind === 'stalled_order') order.stalled = true;
    if (capture.status && capture.status !== order.status) {
      order.statusHistory.push({ status: capture.status, at: capture.capturedAt, captureId: capture.id });
      order.status = capture.status;
    }
  }
  return [...orders.values()];
}
