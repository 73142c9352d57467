import type browser from 'webextension-polyfill';
import { detectPage } from '../detect/detect-page';
import type { PageSnapshot } from '../detect/page-snapshot';
import { hostOnList } from '../detect/shop-signals';
import type { Verdict } from '../detect/verdict';
import type { PageReadRequest, PageReadResponse, SubmitSnapshotResponse } from '../messages/message-map';
import { applyReadingChange } from '../messages/reading-change';
import { isSnapshot } from '../messages/validate-message';
import { observedOrders } from '../orders/observed-orders';
import { safeUrl } from '../shared/safe-url';
import { shortDigest } from '../shared/short-id';
import { observeOrders, type OrderTrackingDeps } from './order-tracking';
import { newShopReportView, reportShopReading, type ShopReportView } from './shop-page-reports';
import { submitSnapshot, type SubmitDeps } from './submit-snapshot';

// A page that passed the gate sends what its reader sees, each time it changes; the worker decides
// what it shows. The detection tables live here rather than in every page (parsing and compiling
// them cost each shop page more than reading it). Every order the page shows updates its record,
// completed ones included; a finding is kept once per page view (its signature keys the capture,
// so a read sent again after a worker restart finds the capture already made); and when the order
// records make the page evidence (a duplicate charge, a stall counted from first sight), the page is
// kept as such. Then "this shop" reads the same reading (shop-page-reports.ts), after the capture:
// on a page with a finding the capture goes first.

export interface PageReadDeps {
  submit: SubmitDeps;
  orders: OrderTrackingDeps;
}

/** What was already done for a page view; lost with the worker, which the capture keys make harmless. */
interface PageView {
  reported: Set<string>;
  orders: string;
  shop: ShopReportView;
  /** The last reading the page sent, which its next change is made from (reading-change.ts). */
  reading?: { seq: number; snapshot: PageSnapshot };
}

const MAX_PAGE_VIEWS = 200;
/** Page views whose last reading is kept (the most recent ones): an older one is asked for a whole reading. */
const MAX_KEPT_READINGS = 30;
const views = new Map<string, PageView>();

export async function handlePageRead(
  request: PageReadRequest,
  sender: browser.Runtime.MessageSender,
  deps: PageReadDeps,
): Promise<PageReadResponse> {
  if (sender.tab?.id === undefined || sender.frameId !== 0) return { ok: false, error: 'only a top-level page is read', stop: true };
  const { docToken, links } = request;
  // Everything up to keeping the reading runs before the first await: a change sent right after
  // this reading is made from it.
  const snapshot = readingOf(request, views.get(docToken));
  if (!snapshot) return { ok: false, error: 'the reading this change was made from is not held: send the whole reading', stop: false, sendWhole: true };
  const pageUrl = safeUrl(snapshot.url);
  if (!pageUrl || pageUrl.origin !== safeUrl(sender.url ?? '')?.origin) {
    return { ok: false, error: 'a page may only send its own reading', stop: false };
  }
  // Only a reading that passed is given a page view: a refused one takes none of the 200.
  const view = pageView(docToken);
  keepReading(view, request.seq, snapshot);
  const submit = (key: string): Promise<SubmitSnapshotResponse> =>
    submitSnapshot({ snapshot, key, docToken }, sender, deps.submit).catch((error: unknown) => ({
      ok: false as const,
      error: error instanceof Error ? error.message : String(error),
      retry: true as const,
    }));
  const settings = await deps.submit.settings();
  if (!settings.autoCapture) return { ok: false, error: 'automatic capture is off', stop: true };
  if (hostOnList(pageUrl.hostname, settings.siteDenyList)) return { ok: false, error: 'the site is on the deny list', stop: true };

  const verdict = detectPage(snapshot, { stallThresholdHours: settings.stallThresholdHours });
  const signature = verdict.kind === 'none' ? null : verdictSignature(snapshot.url, verdict);
  // Marked before anything is awaited: the same finding read again meanwhile is not a second capture.
  const report = signature !== null && !view.reported.has(signature);
  if (report) view.reported.add(signature);
  const orders = observedOrders(snapshot);
  const ordersSignature = JSON.stringify(orders);
  const observe = orders.length > 0 && ordersSignature !== view.orders;
  if (observe) view.orders = ordersSignature;

  const observed = observe
    ? observeOrders({ url: snapshot.url, orders }, sender, deps.orders).catch((error: unknown) => ({ ok: false as const, error: String(error) }))
    : null;
  let capture: SubmitSnapshotResponse | null = null;
  if (report) {
    capture = await submit(`${docToken}:${shortDigest(signature)}`);
    if (!capture.ok) view.reported.delete(signature);
  }
  const ordersSeen = await observed;
  if (ordersSeen && !ordersSeen.ok && view.orders === ordersSignature) view.orders = '';
  if (ordersSeen?.ok && ordersSeen.capture && signature === null) {
    capture = await submit(`${docToken}:orders:${shortDigest(ordersSignature)}`);
    // The same orders sent again are looked at again, and so kept then.
    if (!capture.ok && capture.retry && view.orders === ordersSignature) view.orders = '';
  }
  // Not awaited: the page's answer does not wait for the badge or a promise's capture.
  void reportShopReading(view.shop, { snapshot, links, docToken, verdict }, sender, { shop: deps.orders, submit: deps.submit }).catch(() => undefined);
  // Evidence not kept for a reason that can pass (a full disk the shopper is told about, a failed
  // write): a page that does not change would never send this reading again by itself.
  if (capture && !capture.ok && capture.retry) return { ok: true, capture, sendAgain: true };
  return { ok: true, capture };
}

/** One capture per finding per page view: the same finding read again after a mutation is not new. */
export function verdictSignature(url: string, verdict: Verdict): string {
  return [url, verdict.kind, verdict.reasonCode, verdict.message, verdict.orderId ?? '', verdict.status ?? ''].join('|');
}

/** The whole reading a request carries or describes; null for a change made from a reading not held. */
function readingOf(request: PageReadRequest, view: PageView | undefined): PageSnapshot | null {
  if (request.snapshot) return request.snapshot;
  const { change } = request;
  if (!change || !view?.reading || view.reading.seq !== change.base) return null;
  const rebuilt = applyReadingChange(view.reading.snapshot, change);
  // Put together, it must pass what a whole reading passes (the caps on blocks and characters).
  return rebuilt && isSnapshot(rebuilt) ? rebuilt : null;
}

function keepReading(view: PageView, seq: number, snapshot: PageSnapshot): void {
  // Readings arrive in the order sent; an older one retried late must not replace a newer one.
  if (view.reading && view.reading.seq > seq) return;
  view.reading = { seq, snapshot };
  let kept = 0;
  // Newest views last (pageView moves a view to the end): older readings past the cap are dropped.
  for (const other of [...views.values()].reverse()) if (other.reading && ++kept > MAX_KEPT_READINGS) other.reading = undefined;
}

function pageView(docToken: string): PageView {
  let view = views.get(docToken);
  if (view) {
    views.delete(docToken);
  } else {
    view = { reported: new Set(), orders: '', shop: newShopReportView() };
    if (views.size >= MAX_PAGE_VIEWS) {
      const oldest = views.keys().next().value!;
      clearTimeout(views.get(oldest)?.shop.due);
      views.delete(oldest);
    }
  }
  views.set(docToken, view);
  return view;
}
