import type { Responsibility } from '../evidence/capture-entry';
import type { OrderState } from './facts/order-status';

// Two or more paid orders on one site for the same amount, for the same product or made within
// 30 minutes of each other, look like one purchase charged twice. A pure rule over order facts:
// the order tracker applies it across every page of a site (src/background/order-tracking.ts),
// detection to the orders one list page shows (detectors/duplicate-orders-listed.ts). Whose fault it is depends on
// what the pages said, and they rarely say enough: two orders each delivered may be two purchases or
// one purchase submitted twice, so either way the records alone do not name who is at fault.

const SAME_AMOUNT = 0.01;
const CLOSE_IN_TIME_MS = 30 * 60_000;
const PAID: ReadonlySet<OrderState> = new Set(['pending', 'processing', 'completed']);

export interface DuplicateGroup {
  site: string;
  /** Sorted, so the same group always has the same key. */
  orderIds: string[];
  amount: number;
  responsibility: Responsibility | null;
  reasonCode: 'duplicate_orders_both_delivered' | 'duplicate_charge_unclear';
}

export interface DuplicateInput {
  site: string;
  orderId: string;
  amount: number | null;
  currency: string | null;
  product: string | null;
  state: OrderState | null;
  /** ISO time: the page's creation time, or when the order was first seen. */
  createdAt: string;
  createdAtFrom?: 'page' | 'first_seen';
}

export function findDuplicateCharges(records: readonly DuplicateInput[]): DuplicateGroup[] {
  const paid = records.filter((r) => r.amount !== null && r.state !== null && PAID.has(r.state));
  // Union-find over "looks like the same purchase" so chains of three or more form one group.
  const parent = paid.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < paid.length; i++) {
    for (let j = i + 1; j < paid.length; j++) {
      if (samePurchase(paid[i]!, paid[j]!)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, DuplicateInput[]>();
  paid.forEach((record, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), record]));
  return [...groups.values()]
    .filter((members) => members.length >= 2)
    .map((members) => {
      const allDelivered = members.every((m) => m.state === 'completed');
      return {
        site: members[0]!.site,
        orderIds: members.map((m) => m.orderId).sort(),
        amount: members[0]!.amount!,
        // Both delivered: two purchases, or one submitted twice and filled twice — the records cannot
        // tell which, so nobody is blamed (the reason still says both were delivered).
        responsibility: null,
        reasonCode: allDelivered ? 'duplicate_orders_both_delivered' : 'duplicate_charge_unclear',
      };
    });
}

export function duplicateGroupKey(group: Pick<DuplicateGroup, 'orderIds'>): string {
  return group.orderIds.join(',');
}

function samePurchase(a: DuplicateInput, b: DuplicateInput): boolean {
  if (a.site !== b.site || a.orderId === b.orderId) return false;
  if (a.currency && b.currency && a.currency !== b.currency) return false;
  if (Math.abs(a.amount! - b.amount!) > SAME_AMOUNT + 1e-9) return false;
  const sameProduct = !!a.product && a.product === b.product;
  // Only creation times the pages showed count: orders first seen together on one list page were
  // not necessarily placed together.
  const shownTimes = a.createdAtFrom !== 'first_seen' && b.createdAtFrom !== 'first_seen';
  const closeInTime = shownTimes && Math.abs(Date.parse(a.createdAt) - Date.parse(b.createdAt)) <= CLOSE_IN_TIME_MS;
  return sameProduct || closeInTime;
}
