import type { PageSnapshot } from '../detect/page-snapshot';
import { sendToWorker } from '../messages/send-message';
import { observedOrders } from '../orders/observed-orders';
import { shortDigest } from '../shared/short-id';

// Every order page updates its order records, completed orders included (detection stays silent
// on those, so they would never reach the worker otherwise). Only facts travel, and only when
// they changed; no screenshot is taken for a plain observation. When the worker answers that the
// records make this page evidence (a duplicate charge, a stall counted from first sight), and the
// page was not already being submitted, the page submits its snapshot like any capture.

export function createOrderObserver(docToken: string): (snapshot: PageSnapshot, submitting: boolean) => void {
  let lastSent = '';
  return (snapshot, submitting) => {
    const orders = observedOrders(snapshot);
    if (orders.length === 0) return;
    const signature = JSON.stringify(orders);
    if (signature === lastSent) return;
    lastSent = signature;
    sendToWorker('order:observe', { url: snapshot.url, orders })
      .then((reply) => {
        if (!reply?.ok) lastSent = '';
        else if (reply.capture && !submitting) {
          return sendToWorker('capture:submit', { snapshot, key: `${docToken}:orders:${shortDigest(signature)}`, docToken });
        }
        return undefined;
      })
      .catch(() => {
        lastSent = '';
      });
  };
}
