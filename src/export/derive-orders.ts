import type { CaptureEntry } from '../evidence/capture-entry';

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
}

/** bundle v1 `orders[]`, rebuilt from the captures that saw each order (in chain order). */
export function deriveOrders(captures: readonly CaptureEntry[]): OrderSummary[] {
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
