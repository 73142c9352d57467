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
// most once per page view.

export function createShopPageReporter(docToken: string): (snapshot: PageSnapshot, verdict: Verdict) => void {
  let lastSent = '';
  const offered = new Set<string>();
  return (snapshot, verdict) => {
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
}
