import { groupCases } from '../cases/group-cases';
import type { CaptureEntry, CaptureKind } from '../evidence/capture-entry';
import { orderKey, type OrderRecord } from '../orders/order-record';
import { watchState } from '../orders/order-watch';
import { deadlineState, type SupportDeadline } from '../orders/support-deadline';

// The shopper's own past with one site, from what PayWitness already keeps: failed payments and
// other problem cases, orders stalled past the threshold, support deadlines still running. A case
// is open until its support deadline is marked resolved or its order later shows completed or
// refunded; a case the shopper caused (user_error) is not held against the shop.

export interface OpenCase {
  caseId: string;
  orderId: string | null;
  kind: CaptureKind;
  reasonCode: string;
  lastAt: string;
}

export interface StalledOrder {
  orderId: string;
  status: string | null;
  ageMs: number;
}

export interface RunningDeadline {
  caseId: string;
  dueAt: string;
  overdue: boolean;
}

export interface ShopHistory {
  /** Payment failures captured on this site (any party's fault), one per case. */
  failedPayments: number;
  openCases: OpenCase[];
  stalledOrders: StalledOrder[];
  deadlines: RunningDeadline[];
}

export interface ShopHistoryInput {
  /** Live capture records of this site, any order. */
  captures: readonly CaptureEntry[];
  orders: readonly OrderRecord[];
  /** Support deadlines of this site's cases. */
  deadlines: readonly SupportDeadline[];
  now: number;
  stallThresholdHours: number;
}

const PROBLEM_KINDS: ReadonlySet<CaptureKind> = new Set(['payment_error', 'stalled_order', 'duplicate_charge']);
const SETTLED_STATES = new Set(['completed', 'refunded']);

export function shopHistory({ captures, orders, deadlines, now, stallThresholdHours }: ShopHistoryInput): ShopHistory {
  const deadlineOf = new Map(deadlines.map((deadline) => [deadline.caseId, deadline]));
  const orderOf = new Map(orders.map((order) => [order.orderId, order]));
  const cases = groupCases(captures);
  const settled = (caseId: string, orderId: string | null) =>
    Boolean(deadlineOf.get(caseId)?.resolvedAt) || SETTLED_STATES.has(orderId ? (orderOf.get(orderId)?.state ?? '') : '');
  return {
    failedPayments: cases.filter((summary) => summary.captures.some((capture) => capture.kind === 'payment_error')).length,
    openCases: cases
      .filter((summary) => PROBLEM_KINDS.has(summary.kind) && summary.responsibility !== 'user' && !settled(summary.caseId, summary.orderId))
      .map(({ caseId, orderId, kind, reasonCode, lastAt }) => ({ caseId, orderId, kind, reasonCode, lastAt })),
    stalledOrders: orders.flatMap((order) => {
      const state = watchState(order, now, stallThresholdHours);
      const caseId = orderKey(order.site, order.orderId);
      return state.kind === 'stalled' && !deadlineOf.get(caseId)?.resolvedAt ? [{ orderId: order.orderId, status: order.status, ageMs: state.ageMs }] : [];
    }),
    deadlines: deadlines.flatMap((deadline) => {
      const state = deadlineState(deadline, now);
      return state.kind === 'resolved' ? [] : [{ caseId: deadline.caseId, dueAt: deadline.dueAt, overdue: state.kind === 'overdue' }];
    }),
  };
}
