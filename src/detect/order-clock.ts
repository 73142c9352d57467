import { isOpenState, orderState, type OrderState } from './facts/order-status';
import type { PageView } from './detector';

const HOUR = 3_600_000;

export interface OrderClock {
  state: OrderState | null;
  /** Hours since the page's creation time, null when the page shows none. */
  ageHours: number | null;
  open: boolean;
}

/** The order a page shows, its state and how long it has been open. */
export function orderClock({ facts, now }: Pick<PageView, 'facts' | 'now'>): OrderClock | null {
  if (!facts.orderId || !facts.status) return null;
  const state = orderState(facts.status);
  return {
    state,
    open: isOpenState(state),
    ageHours: facts.createdAt ? (now - Date.parse(facts.createdAt)) / HOUR : null,
  };
}
