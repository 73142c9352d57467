import { orderState, type OrderState } from '../detect/facts/order-status';

// One record per order the shopper has seen, keyed by site + order id. It is a running summary
// kept beside the evidence chain, never evidence itself: every status change points to the
// capture that saw it when there was one, so a reader can check it against the sealed record.

export interface OrderSighting {
  orderId: string;
  amount: number | null;
  currency: string | null;
  product: string | null;
  /** Status label exactly as shown. */
  status: string | null;
  /** Creation time shown on the page (ISO with offset), null when the page shows none. */
  createdAt: string | null;
}

export interface StatusChange {
  status: string;
  at: string;
  /** The capture that saw this status; null when it was seen by a plain observation. */
  captureId: string | null;
}

export interface OrderWatch {
  /** When the shopper was told this order is stalled (so it is told once). */
  stalledNotifiedAt: string | null;
  /** Sorted order-id lists of duplicate groups already captured for this order. */
  duplicatesCaptured: string[];
}

export interface OrderRecord {
  site: string;
  orderId: string;
  amount: number | null;
  currency: string | null;
  product: string | null;
  status: string | null;
  state: OrderState | null;
  /** From the page when it shows one, else the first time PayWitness saw the order. */
  createdAt: string;
  createdAtFrom: 'page' | 'first_seen';
  firstSeen: string;
  lastSeen: string;
  /** Where the order was last seen: the page a "reopen" opens. */
  url: string;
  statusHistory: StatusChange[];
  captureIds: string[];
  watch: OrderWatch;
}

export interface Sighting {
  site: string;
  url: string;
  /** ISO with offset, from the worker's clock. */
  at: string;
  order: OrderSighting;
  captureId: string | null;
}

/** Folds one sighting into the record (or starts one). Pure: returns a new record. */
export function applySighting(previous: OrderRecord | null, sighting: Sighting): OrderRecord {
  const { order, at, captureId } = sighting;
  const base: OrderRecord = previous ?? {
    site: sighting.site,
    orderId: order.orderId,
    amount: null,
    currency: null,
    product: null,
    status: null,
    state: null,
    createdAt: order.createdAt ?? at,
    createdAtFrom: order.createdAt ? 'page' : 'first_seen',
    firstSeen: at,
    lastSeen: at,
    url: sighting.url,
    statusHistory: [],
    captureIds: [],
    watch: { stalledNotifiedAt: null, duplicatesCaptured: [] },
  };
  const next: OrderRecord = {
    ...base,
    amount: order.amount ?? base.amount,
    currency: order.currency ?? base.currency,
    product: order.product ?? base.product,
    url: sighting.url,
    lastSeen: later(base.lastSeen, at),
    statusHistory: [...base.statusHistory],
    captureIds: captureId && !base.captureIds.includes(captureId) ? [...base.captureIds, captureId] : base.captureIds,
  };
  if (order.createdAt) {
    next.createdAt = order.createdAt;
    next.createdAtFrom = 'page';
  }
  if (order.status && order.status !== base.status) {
    next.statusHistory.push({ status: order.status, at, captureId });
    next.status = order.status;
    next.state = orderState(order.status);
  } else if (order.status && captureId) {
    // The same status seen first by an observation and then by its capture: point to the evidence.
    const last = next.statusHistory.at(-1);
    if (last && last.captureId === null) next.statusHistory[next.statusHistory.length - 1] = { ...last, captureId };
  }
  return next;
}

export function orderKey(site: string, orderId: string): string {
  return `${site}#order:${orderId}`;
}

function later(a: string, b: string): string {
  return Date.parse(b) >= Date.parse(a) ? b : a;
}
