import type browser from 'webextension-polyfill';
import type { PageSnapshot } from '../detect/page-snapshot';
import type { Verdict } from '../detect/verdict';
import type { UnhashedEntry } from '../evidence/capture-entry';
import { isoWithOffset } from '../evidence/iso-time';
import type { ObserveOrdersRequest, ObserveOrdersResponse } from '../messages/message-map';
import { duplicateGroupKey, findDuplicateCharges, type DuplicateGroup } from '../detect/duplicate-purchases';
import { observedOrders } from '../orders/observed-orders';
import type { OrderRecord, OrderSighting } from '../orders/order-record';
import { afterOrdersSeen } from '../cases/attempt-case';
import { readTabFlow, writeTabFlow } from './tab-flow';
import { hoursAndMinutes, watchState } from '../orders/order-watch';
import type { Settings } from '../settings/settings';
import { safeUrl } from '../shared/safe-url';
import type { EvidenceDb } from '../store/open-evidence-db';
import { getOrder, listSiteOrders, markDuplicateCaptured, recordSighting } from '../store/order-store';

// The worker's side of order tracking: every order a page shows updates its record; a capture
// about to be made is re-decided against those records (an open order stalled since PayWitness
// first saw it, paid orders that look like one purchase charged twice); a committed capture is
// linked back to its order.

export interface OrderTrackingDeps {
  db: () => Promise<EvidenceDb>;
  settings: () => Promise<Settings>;
  now: () => Date;
}

export async function observeOrders(
  request: ObserveOrdersRequest,
  sender: browser.Runtime.MessageSender,
  deps: OrderTrackingDeps,
): Promise<ObserveOrdersResponse> {
  if (sender.tab?.id === undefined || sender.frameId !== 0) return { ok: false, error: 'only a top-level page can observe' };
  const pageUrl = safeUrl(request.url);
  if (!pageUrl || pageUrl.origin !== safeUrl(sender.url ?? '')?.origin) return { ok: false, error: 'a page may only report its own orders' };
  const db = await deps.db();
  const records = await recordAll(db, pageUrl.hostname, request.url, request.orders, deps.now());
  await noteOrdersInTab(sender.tab, pageUrl.hostname, request.orders, deps.now());
  const settings = await deps.settings();
  const siteOrders = await listSiteOrders(db, pageUrl.hostname);
  const now = deps.now().getTime();
  const capture =
    uncapturedDuplicate(siteOrders, request.orders.map((o) => o.orderId)) !== null ||
    records.some((r) => r.createdAtFrom === 'first_seen' && watchState(r, now, settings.stallThresholdHours).kind === 'stalled');
  return { ok: true, capture };
}

/** Re-decides a page's verdict with what the records know that the page alone does not. */
export async function refineVerdict(
  verdict: Verdict,
  snapshot: PageSnapshot,
  site: string,
  deps: OrderTrackingDeps,
): Promise<Verdict> {
  if (verdict.kind !== 'none' && verdict.kind !== 'order_status') return verdict;
  const db = await deps.db();
  const onPage = observedOrders(snapshot);
  await recordAll(db, site, snapshot.url, onPage, deps.now());
  const group = uncapturedDuplicate(await listSiteOrders(db, site), onPage.map((o) => o.orderId));
  if (group) return duplicateVerdict(verdict, group, onPage);
  if (!verdict.orderId || verdict.kind !== 'order_status') return verdict;
  const record = await getOrder(db, site, verdict.orderId);
  const settings = await deps.settings();
  const state = record ? watchState(record, deps.now().getTime(), settings.stallThresholdHours) : null;
  if (!record || state?.kind !== 'stalled') return verdict;
  return {
    ...verdict,
    kind: 'stalled_order',
    responsibility: 'platform',
    reasonCode: record.createdAtFrom === 'page' ? 'order_stalled' : 'order_stalled_since_first_seen',
    message: `${verdict.status ?? record.status ?? ''} · ${hoursAndMinutes(state.ageMs)}`,
  };
}

/** Links a committed capture to its order (and marks a duplicate group as captured). */
export async function linkCapture(entry: UnhashedEntry, deps: OrderTrackingDeps): Promise<void> {
  if (!entry.orderId) return;
  const db = await deps.db();
  const record = await getOrder(db, entry.site, entry.orderId);
  await recordSighting(db, {
    site: entry.site,
    url: entry.url,
    at: entry.capturedAt,
    captureId: entry.id,
    order: {
      orderId: entry.orderId,
      amount: entry.amount,
      currency: entry.currency,
      product: record?.product ?? null,
      status: entry.status,
      createdAt: entry.createdAt,
    },
  });
  if (entry.kind === 'duplicate_charge' && entry.relatedOrderIds.length > 0) {
    const ids = [entry.orderId, ...entry.relatedOrderIds].sort();
    await markDuplicateCaptured(db, entry.site, ids, ids.join(','));
  }
}

/** The tab's purchase flow learns the order it shows (src/cases/attempt-case.ts). */
async function noteOrdersInTab(tab: browser.Tabs.Tab, site: string, orders: readonly OrderSighting[], now: Date): Promise<void> {
  if (tab.id === undefined) return;
  const tabId = tab.id;
  await readTabFlow(tabId, tab.openerTabId)
    .then((flow) => writeTabFlow(tabId, afterOrdersSeen(flow, site, orders.map((order) => order.orderId), isoWithOffset(now))))
    .catch(() => undefined);
}

async function recordAll(db: EvidenceDb, site: string, url: string, orders: readonly OrderSighting[], now: Date): Promise<OrderRecord[]> {
  const at = isoWithOffset(now);
  const out: OrderRecord[] = [];
  for (const order of orders) out.push(await recordSighting(db, { site, url, at, order, captureId: null }));
  return out;
}

function uncapturedDuplicate(siteOrders: readonly OrderRecord[], onPage: readonly string[]): DuplicateGroup | null {
  const byId = new Map(siteOrders.map((r) => [r.orderId, r]));
  return (
    findDuplicateCharges(siteOrders).find((group) => {
      const key = duplicateGroupKey(group);
      return group.orderIds.some((id) => onPage.includes(id)) && !group.orderIds.every((id) => byId.get(id)?.watch.duplicatesCaptured.includes(key));
    }) ?? null
  );
}

function duplicateVerdict(verdict: Verdict, group: DuplicateGroup, onPage: readonly OrderSighting[]): Verdict {
  const main = onPage.find((o) => group.orderIds.includes(o.orderId))!;
  return {
    ...verdict,
    orderId: main.orderId,
    amount: main.amount,
    currency: main.currency,
    status: main.status,
    createdAt: main.createdAt,
    kind: 'duplicate_charge',
    responsibility: group.responsibility,
    reasonCode: group.reasonCode,
    message: `${group.orderIds.join(' / ')} · ${group.amount.toFixed(2)}`,
    relatedOrderIds: group.orderIds.filter((id) => id !== main.orderId),
  };
}
