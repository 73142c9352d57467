import type { PageSnapshot } from '../detect/page-snapshot';
import type { Verdict } from '../detect/verdict';
import { sendToWorker } from '../messages/send-message';
import { shortDigest } from '../shared/short-id';
import { shopSignalBlocks } from '../shop/shop-signal-blocks';
import { collectShopLinks } from './shop-links';
import { submitWithRetry } from './submit-with-retry';

// Called by the content script with each read of a page that passed the shop gate: the page's
// blocks that can carry a shop signal, and its pay and contact links, go to the worker when they
// changed (the worker reads them with its rules, keeps the result for the popup and sets the badge);
// each refund promise the worker does not hold for this site yet is submitted as a capture — at
// most once per page view. The first read is looked at once (one interval later on a page with a
// finding, whose capture goes first); after that at most one read per `minIntervalMs`, the latest:
// a checkout page's countdown changes a payment block every second, and neither the page (blocks,
// links) nor the worker (which reads the site's records for each report) should redo this work at
// that pace.

export const SHOP_REPORT_INTERVAL_MS = 2_000;

export function createShopPageReporter(docToken: string, minIntervalMs = SHOP_REPORT_INTERVAL_MS): (snapshot: PageSnapshot, verdict: Verdict) => void {
  let lastSent = '';
  let lastReadAt = -Infinity;
  let latest: { snapshot: PageSnapshot; verdict: Verdict } | null = null;
  let due: ReturnType<typeof setTimeout> | undefined;
  const offered = new Set<string>();

  const report = (snapshot: PageSnapshot, verdict: Verdict) => {
    lastReadAt = Date.now();
    const terms = verdict.kind === 'terms' ? { reasonCode: verdict.reasonCode, name: verdict.message.slice(0, 120) } : null;
    const request = { url: snapshot.url, title: snapshot.title, blocks: shopSignalBlocks(snapshot, terms !== null), links: collectShopLinks(document), terms };
    const sent = JSON.stringify(request);
    if (sent === lastSent) return;
    lastSent = sent;
    sendToWorker('shop:page', request)
      .then((reply) => {
        if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
        for (const text of reply.keep.filter((promise) => !offered.has(promise))) {
          offered.add(text);
          const submit = { snapshot, key: `${docToken}:promise:${shortDigest(text)}`, docToken, refundPromise: text };
          submitWithRetry(() => sendToWorker('capture:submit', submit))
            .then((answer) => answer.ok || offered.delete(text))
            .catch(() => offered.delete(text));
        }
      })
      .catch(() => {
        lastSent = '';
      });
  };

  return (snapshot, verdict) => {
    // A page with a finding lets its capture go first: the worker has the most to do then, and on a
    // busy machine a worker that is stopped again and again must reach the capture's journal.
    if (lastReadAt === -Infinity && verdict.kind !== 'none') lastReadAt = Date.now();
    const wait = lastReadAt + minIntervalMs - Date.now();
    if (due === undefined && wait <= 0) return report(snapshot, verdict);
    latest = { snapshot, verdict };
    due ??= setTimeout(() => {
      due = undefined;
      const read = latest!;
      latest = null;
      report(read.snapshot, read.verdict);
    }, wait);
  };
}
