import { isOpenState, orderState } from '../facts/order-status';
import type { Detector } from '../detector';

const HOUR = 3_600_000;

// An order page with an id and a status is worth keeping; an open order past the threshold is the
// shop's failure to deliver. Finished, expired or cancelled orders are not alarms and stay silent.
export const orderAge: Detector = {
  id: 'order-age',
  fixtures: [
    'acg-faka/query-paid-waiting-fresh',
    'acg-faka/query-pending-payment-fresh',
    'acg-faka/query-waiting-shipment-stalled',
    'dujiaoka/hyper-orderinfo-processed-fresh',
    'dujiaoka/luna-orderinfo-processing-stalled',
    'dujiaoka/unicorn-orderinfo-pending-stalled',
    'dujiaoka/unicorn-orderinfo-wait-pay-fresh',
    'english-shop/dujiaoka-en-hyper-orderinfo-pending-stalled',
    'english-shop/orders-usdt-pending-payment-fresh',
    'kameng/query-pending-fresh',
    'kameng/query-pending-stalled',
    'kameng/query-processing-fresh',
    'kameng/query-processing-stalled',
    'zfaka/query-pending-fresh',
    'zfaka/query-pending-stalled',
  ],
  detect({ facts, now, settings }) {
    if (!facts.orderId || !facts.status) return null;
    const state = orderState(facts.status);
    const message = facts.status;
    if (state === 'awaiting_payment') {
      return { kind: 'order_status', responsibility: null, reasonCode: 'order_awaiting_payment', message };
    }
    if (!isOpenState(state)) return null;
    if (!facts.createdAt) {
      return { kind: 'order_status', responsibility: null, reasonCode: 'order_open_age_unknown', message };
    }
    const ageHours = (now - Date.parse(facts.createdAt)) / HOUR;
    if (ageHours >= settings.stallThresholdHours) {
      return {
        kind: 'stalled_order',
        responsibility: 'platform',
        reasonCode: 'order_stalled',
        message: `${facts.status} · ${Math.floor(ageHours)} h`,
      };
    }
    return { kind: 'order_status', responsibility: null, reasonCode: 'order_open_watching', message };
  },
};
