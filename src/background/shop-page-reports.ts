import type browser from 'webextension-polyfill';
import type { PageSnapshot } from '../detect/page-snapshot';
import type { Verdict } from '../detect/verdict';
import type { PageLink } from '../shop/contact-channels';
import { shopSignalBlocks } from '../shop/shop-signal-blocks';
import { shortDigest } from '../shared/short-id';
import { reportShopPage, type ShopPageReport } from './shop-messages';
import type { ShopProfileDeps } from './shop-profile-reader';
import { submitSnapshot, type SubmitDeps } from './submit-snapshot';

// "This shop" from the readings a page sends (page-reads.ts): the worker picks the blocks that can
// carry a shop signal, reads them with its rules (shop-messages.ts: the tab's facts and badge), and
// keeps each refund promise the site's records do not hold yet as a capture — once per page view.
// The first reading of a page view is reported at once (after its capture, when it has a finding:
// page-reads.ts awaits that first); after that at most one reading per interval, the latest: a
// checkout page's countdown changes a payment block every second, and the worker reads the site's
// records for each report. Its state is kept in the page view page-reads.ts holds, and lost with the
// worker, which costs at most one report more (the promises' capture keys are per site and text, so
// none is kept twice).

export const SHOP_REPORT_INTERVAL_MS = 2_000;

export interface ShopReportDeps {
  shop: ShopProfileDeps;
  submit: SubmitDeps;
  /** Tests shorten it. */
  intervalMs?: number;
}

/** One reading of a page as page-reads.ts received and judged it. */
export interface ShopReading {
  snapshot: PageSnapshot;
  links: readonly PageLink[];
  docToken: string;
  verdict: Verdict;
}

/** What this shop did for one page view. */
export interface ShopReportView {
  lastSent: string;
  lastAt: number;
  due: ReturnType<typeof setTimeout> | undefined;
  latest: (() => Promise<void>) | null;
  offered: Set<string>;
}

export function newShopReportView(): ShopReportView {
  return { lastSent: '', lastAt: -Infinity, due: undefined, latest: null, offered: new Set() };
}

export function reportShopReading(
  view: ShopReportView,
  reading: ShopReading,
  sender: browser.Runtime.MessageSender,
  deps: ShopReportDeps,
): Promise<void> {
  const send = () => sendReport(view, reading, sender, deps);
  const wait = view.lastAt + (deps.intervalMs ?? SHOP_REPORT_INTERVAL_MS) - Date.now();
  if (view.due === undefined && wait <= 0) return send();
  view.latest = send;
  view.due ??= setTimeout(() => {
    view.due = undefined;
    const latest = view.latest;
    view.latest = null;
    void latest?.().catch(() => undefined);
  }, wait);
  return Promise.resolve();
}

async function sendReport(
  view: ShopReportView,
  { snapshot, links, docToken, verdict }: ShopReading,
  sender: browser.Runtime.MessageSender,
  deps: ShopReportDeps,
): Promise<void> {
  view.lastAt = Date.now();
  const terms = verdict.kind === 'terms' ? { reasonCode: verdict.reasonCode, name: verdict.message.slice(0, 120) } : null;
  const report: ShopPageReport = { url: snapshot.url, title: snapshot.title, blocks: shopSignalBlocks(snapshot, terms !== null), links: [...links], terms };
  const signature = JSON.stringify(report);
  if (signature === view.lastSent) return;
  view.lastSent = signature;
  const reply = await reportShopPage(report, sender, deps.shop).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
  if (!reply.ok) {
    view.lastSent = '';
    return;
  }
  for (const text of reply.keep.filter((promise) => !view.offered.has(promise))) {
    view.offered.add(text);
    const request = { snapshot, key: `${docToken}:promise:${shortDigest(text)}`, docToken, refundPromise: text };
    const kept = await submitSnapshot(request, sender, deps.submit).catch(() => ({ ok: false as const }));
    if (!kept.ok) view.offered.delete(text);
  }
}
