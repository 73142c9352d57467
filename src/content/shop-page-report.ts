import type { PageSnapshot } from '../detect/page-snapshot';
import type { Verdict } from '../detect/verdict';
import { sendToWorker } from '../messages/send-message';
import { shortDigest } from '../shared/short-id';
import { readShopFacts } from '../shop/shop-page-facts';
import { collectShopLinks } from './shop-links';
import { submitWithRetry } from './submit-with-retry';

// Called by the content script with each read of a page that passed the shop gate: what the page
// shows about its shop goes to the worker (badge, popup) when it changed, and each refund promise
// the worker does not hold for this site yet is submitted as a capture — at most once per page view.

export function createShopPageReporter(docToken: string): (snapshot: PageSnapshot, verdict: Verdict) => void {
  let lastRead = '';
  let lastSent = '';
  const offered = new Set<string>();
  return (snapshot, verdict) => {
    // A countdown or a feed changing text in place need not be read again for shop signals.
    const read = `${snapshot.url}|${snapshot.blocks.length}|${snapshot.blocks.reduce((sum, block) => sum + block.text.length, 0)}|${verdict.kind}`;
    if (read === lastRead) return;
    lastRead = read;
    const terms = verdict.kind === 'terms' ? { reasonCode: verdict.reasonCode, name: verdict.message } : null;
    const facts = readShopFacts(snapshot, collectShopLinks(document), terms);
    const sent = JSON.stringify(facts);
    if (sent === lastSent) return;
    lastSent = sent;
    sendToWorker('shop:page', { url: snapshot.url, title: snapshot.title, facts })
      .then((reply) => {
        if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
        for (const text of reply.keep.filter((promise) => !offered.has(promise))) {
          offered.add(text);
          const request = { snapshot, key: `${docToken}:promise:${shortDigest(text)}`, docToken, refundPromise: text };
          submitWithRetry(() => sendToWorker('capture:submit', request))
            .then((answer) => answer.ok || offered.delete(text))
            .catch(() => offered.delete(text));
        }
      })
      .catch(() => {
        lastRead = '';
        lastSent = '';
      });
  };
}
