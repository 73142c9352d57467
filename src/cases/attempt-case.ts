import type { AttemptLink, CaptureKind } from '../evidence/capture-entry';

// One case per purchase attempt. A shopper's attempt runs in one tab: product page → order page →
// payment gateway (often another host, often without the order number on it) → back. The worker
// remembers per tab the last order it showed and the case of its last capture (TabFlow), and a new
// capture is put in its case by these rules, in order:
//   1. it shows an order id                → that order's case (the shop's, when the tab came from
//                                            the shop's page of the same order);
//   2. a terms page                        → the site's terms case (not an attempt of its own);
//   3. the tab showed an order shortly before → that order's case (the gateway page of the order);
//   4. the tab's last capture was shortly before → that capture's case (a retry of one attempt);
//   5. otherwise                           → a case of its own.
// Never "everything on this site today". Pure: the worker keeps the TabFlow (tab-flow.ts).

/** "Shortly before": a checkout that takes longer than this is a new attempt. */
export const ATTEMPT_WINDOW_MS = 20 * 60_000;

export interface TabFlow {
  /** Opaque token of the tab, sealed into every capture made in it. */
  tab: string;
  /** The last single order the tab showed (an order page, a checkout, a capture with an order id). */
  order: { site: string; orderId: string; at: string } | null;
  /** The case of the tab's last capture. */
  lastCase: { caseId: string; at: string } | null;
}

export interface CaptureFacts {
  id: string;
  site: string;
  orderId: string | null;
  kind: CaptureKind;
  capturedAt: string;
}

export function orderCaseId(site: string, orderId: string): string {
  return `${site}#order:${orderId}`;
}

export function assignCase(capture: CaptureFacts, flow: TabFlow): { caseId: string; attempt: AttemptLink } {
  const link = (by: AttemptLink['by'], seenAt: string | null): AttemptLink => ({ tab: flow.tab, by, seenAt });
  const now = Date.parse(capture.capturedAt);
  // A gateway on another host that names the order (易支付 out_trade_no) joins the shop's case of it.
  const sameOrderElsewhere =
    flow.order && flow.order.orderId === capture.orderId && flow.order.site !== capture.site && recent(flow.order.at, now);
  if (capture.orderId && sameOrderElsewhere) {
    return { caseId: orderCaseId(flow.order!.site, capture.orderId), attempt: link('order_seen_in_tab', flow.order!.at) };
  }
  if (capture.orderId) return { caseId: orderCaseId(capture.site, capture.orderId), attempt: link('order_on_page', null) };
  if (capture.kind === 'terms') return { caseId: `${capture.site}#terms`, attempt: link('site_terms', null) };
  if (flow.order && recent(flow.order.at, now)) {
    return { caseId: orderCaseId(flow.order.site, flow.order.orderId), attempt: link('order_seen_in_tab', flow.order.at) };
  }
  if (flow.lastCase && recent(flow.lastCase.at, now) && !flow.lastCase.caseId.endsWith('#terms')) {
    return { caseId: flow.lastCase.caseId, attempt: link('same_tab_attempt', flow.lastCase.at) };
  }
  return { caseId: `${capture.site}#attempt:${capture.id}`, attempt: link('new_attempt', null) };
}

/** The tab's flow after a capture was committed in it. */
export function afterCapture(flow: TabFlow, capture: CaptureFacts, caseId: string): TabFlow {
  return {
    tab: flow.tab,
    // The order's site is its case's (the shop's), also when a gateway page named it.
    order: capture.orderId ? { site: caseId.slice(0, caseId.indexOf('#')), orderId: capture.orderId, at: capture.capturedAt } : flow.order,
    lastCase: capture.kind === 'terms' ? flow.lastCase : { caseId, at: capture.capturedAt },
  };
}

/** The tab's flow after it showed orders. A list of several orders names no attempt. */
export function afterOrdersSeen(flow: TabFlow, site: string, orderIds: readonly string[], at: string): TabFlow {
  if (orderIds.length !== 1) return flow;
  return { ...flow, order: { site, orderId: orderIds[0]!, at } };
}

function recent(at: string, now: number): boolean {
  const age = now - Date.parse(at);
  // A little negative age is clock jitter between the observation and the capture.
  return age >= -60_000 && age <= ATTEMPT_WINDOW_MS;
}
